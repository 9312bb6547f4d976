package io.mosaic.runtime;

import io.mosaic.api.app.AppManifest;
import io.mosaic.api.definition.DefinitionKind;
import io.mosaic.api.definition.DefinitionKinds;
import io.mosaic.samples.SamplePacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped dealer-management pack passes every kind's validation; no Spring needed. */
class SamplePackIsValidTest {

    private static final String PACK = SamplePacks.DEALER_MANAGEMENT;
    private static final String MANIFEST = "app.json";
    private static final DefinitionKinds KINDS = DefinitionKinds.load();

    static List<String> packFiles() {
        return SamplePacks.files(PACK);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("packFiles")
    void everyFileValidatesWithItsKind(String file) {
        DefinitionKind kind = KINDS.forFileName(file).orElseThrow(() -> new AssertionError("No kind for " + file));

        assertThat(kind.validate(keyOf(file, kind), SamplePacks.content(PACK, file))).as(file).isEmpty();
    }

    @Test
    void manifestListsExactlyTheDefinitionFilesPresent() {
        AppManifest manifest = AppManifest.read(SamplePacks.content(PACK, MANIFEST));

        List<AppManifest.DefinitionRef> present = packFiles().stream()
                .filter(file -> !file.equals(MANIFEST))
                .map(file -> {
                    DefinitionKind kind = KINDS.forFileName(file).orElseThrow();
                    return new AppManifest.DefinitionRef(kind.key(), keyOf(file, kind));
                })
                .collect(Collectors.toList());
        assertThat(manifest.key()).isEqualTo(PACK);
        assertThat(manifest.definitions()).containsExactlyInAnyOrderElementsOf(present);
    }

    private static String keyOf(String file, DefinitionKind kind) {
        return file.equals(MANIFEST) ? PACK : file.substring(0, file.length() - kind.fileSuffix().length());
    }
}
