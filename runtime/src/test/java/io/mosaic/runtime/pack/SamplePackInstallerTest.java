package io.mosaic.runtime.pack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.mosaic.api.app.AppManifest;
import io.mosaic.runtime.metadata.MetadataService;
import io.mosaic.runtime.support.RuntimeTest;
import io.mosaic.samples.SamplePacks;

/** The sample pack as the first start installed it, and later starts that find it installed. */
class SamplePackInstallerTest extends RuntimeTest {

    private static final String APP = SamplePacks.DEALER_MANAGEMENT;

    @Autowired
    SamplePackInstaller installer;

    @Autowired
    MetadataService metadata;

    @Test
    void theFirstStartInstalledTheShippedVersionAndALaterStartLeavesItAlone() {
        String shipped = AppManifest.read(SamplePacks.content(APP, "app.json")).version().toString();
        int published = metadata.versions(APP, MetadataService.APP_KIND, APP).size();
        assertThat(AppManifest.read(metadata.latestPublished(APP, MetadataService.APP_KIND, APP).orElseThrow().content())
                .version().toString()).isEqualTo(shipped);

        installer.run(null);

        assertThat(metadata.versions(APP, MetadataService.APP_KIND, APP)).hasSize(published);
    }
}
