package io.mosaic.samples;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SamplePacksTest {

    @Test
    void indexListsExactlyTheFilesOfThePackFolder() throws IOException, URISyntaxException {
        Path folder = Path.of(SamplePacks.class.getClassLoader().getResource("packs/dms/pack.index").toURI()).getParent();
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(SamplePacks.files(SamplePacks.DEALER_MANAGEMENT))
                    .containsExactlyInAnyOrderElementsOf(files.map(p -> p.getFileName().toString())
                            .filter(name -> !name.equals("pack.index")).toList())
                    .doesNotHaveDuplicates();
        }
    }

    @Test
    void readsAListedFile() {
        assertThat(SamplePacks.content("dms", "app.json")).contains("\"key\": \"dms\"");
    }

    @Test
    void refusesFilesTheIndexDoesNotList() {
        assertThatThrownBy(() -> SamplePacks.content("dms", "../../META-INF/MANIFEST.MF"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no file");
    }

    @Test
    void refusesUnknownAndMalformedPackNames() {
        assertThatThrownBy(() -> SamplePacks.files("crm")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("No pack 'crm'");
        assertThatThrownBy(() -> SamplePacks.files("../dms")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a pack name");
    }
}
