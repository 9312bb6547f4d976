package io.mosaic.api.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SemverTest {

    @Test
    void ordersAsTheSpecificationExample() {
        // The precedence example of semver.org, section 11.
        List<String> ordered = List.of("1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta",
                "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.1.0", "1.10.0", "2.0.0");
        List<String> shuffled = Stream.of(ordered.toArray(String[]::new)).sorted((a, b) -> b.compareTo(a)).toList();

        assertThat(shuffled.stream().map(Semver::parse).sorted().map(Semver::toString)).containsExactlyElementsOf(ordered);
    }

    @Test
    void ignoresBuildMetadata() {
        assertThat(Semver.parse("1.0.0+build.7")).isEqualByComparingTo(Semver.parse("1.0.0"));
        assertThat(Semver.parse("1.0.0+build.7").toString()).isEqualTo("1.0.0");
    }

    @Test
    void comparesNumbersNumerically() {
        assertThat(Semver.parse("0.10.0").isAfter(Semver.parse("0.9.3"))).isTrue();
        assertThat(Semver.parse("1.0.0-rc.2").isBefore(Semver.parse("1.0.0-rc.10"))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1", "1.0", "1.0.x", "01.0.0", "1.0.0-", "1.0.0-01", "v1.0.0", "1.0.0 ", "99999999999.0.0"})
    void refusesMalformedVersions(String text) {
        assertThatThrownBy(() -> Semver.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
