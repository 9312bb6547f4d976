package io.mosaic.runtime.pack;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.mosaic.api.app.AppManifest;
import io.mosaic.api.app.Semver;
import io.mosaic.runtime.metadata.MetadataService;
import io.mosaic.samples.SamplePacks;

/**
 * Installs the dealer-management sample pack on the first start of an installation, and upgrades it when a newer
 * platform ships a newer version of it, through the same import path an uploaded pack takes (zip, checksums,
 * validation, one transaction; an upgrade keeps every record). An installation whose pack is as new or newer (an
 * implementer's own upgrade) is left alone.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 200) // after the security bootstrap, which creates the first accounts
class SamplePackInstaller implements ApplicationRunner {

    static final String SAMPLE_APP = SamplePacks.DEALER_MANAGEMENT;
    private static final Logger log = LoggerFactory.getLogger(SamplePackInstaller.class);

    private final PackService packs;
    private final MetadataService metadata;
    private final boolean enabled;

    SamplePackInstaller(PackService packs, MetadataService metadata,
                        @Value("${mosaic.samples.install-on-first-start:true}") boolean enabled) {
        this.packs = packs;
        this.metadata = metadata;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        Optional<Semver> installed = metadata.latestPublished(SAMPLE_APP, MetadataService.APP_KIND, SAMPLE_APP)
                .map(version -> AppManifest.read(version.content()).version());
        Map<String, byte[]> files = sampleFiles();
        Semver shipped = AppManifest.read(new String(files.get("app.json"), StandardCharsets.UTF_8)).version();
        if (installed.isPresent() && installed.get().compareTo(shipped) >= 0) {
            return;
        }
        long start = System.nanoTime();
        ImportPlan plan = packs.install(packs.read(new ByteArrayInputStream(packs.pack(files))), "system");
        log.info("{} sample pack {} {} ({} definitions) in {} ms", installed.isPresent() ? "Upgraded" : "Installed",
                plan.app(), plan.toVersion(), plan.changes().size(), (System.nanoTime() - start) / 1_000_000);
    }

    private static Map<String, byte[]> sampleFiles() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String name : SamplePacks.files(SAMPLE_APP)) {
            files.put(name, SamplePacks.content(SAMPLE_APP, name).getBytes(StandardCharsets.UTF_8));
        }
        return files;
    }
}
