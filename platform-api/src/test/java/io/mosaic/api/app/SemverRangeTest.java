package io.mosaic.api.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SemverRangeTest {

    @ParameterizedTest(name = "''{0}'' admits {1}: {2}")
    @CsvSource({
            "'>=0.1.0 <1.0.0', 0.1.0, true",
            "'>=0.1.0 <1.0.0', 0.9.12, true",
            "'>=0.1.0 <1.0.0', 1.0.0, false",
            "'>=0.1.0 <1.0.0', 0.0.9, false",
            "'>=0.1.0 <1.0.0', 1.0.0-rc.1, true",
            "'>=0.1.0', 7.0.0, true",
            "'<1.0.0', 0.0.1, true",
            "'>0.1.0 <=0.2.0', 0.1.0, false",
            "'>0.1.0 <=0.2.0', 0.2.0, true",
            "'1.2.3', 1.2.3, true",
            "'=1.2.3', 1.2.4, false",
            "'', 0.0.1, true",
            "'*', 5.0.0, true",
    })
    void admitsVersionsInsideItsBounds(String range, String version, boolean admitted) {
        assertThat(SemverRange.parse(range).satisfiedBy(Semver.parse(version))).isEqualTo(admitted);
        assertThat(Semver.parse(version).satisfies(SemverRange.parse(range))).isEqualTo(admitted);
    }

    @Test
    void keepsItsText() {
        assertThat(SemverRange.parse(" >=0.1.0 <1.0.0 ").toString()).isEqualTo(">=0.1.0 <1.0.0");
        assertThat(SemverRange.parse(">=0.1.0  <1.0.0")).isEqualTo(SemverRange.parse(">=0.1.0 <1.0.0"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"~1.0.0", ">=1.0", "=>1.0.0", ">= 1.0.0", "^1.0.0", ">=0.1.0 <1.0.x"})
    void refusesMalformedRanges(String range) {
        assertThatThrownBy(() -> SemverRange.parse(range)).isInstanceOf(IllegalArgumentException.class);
    }
}
