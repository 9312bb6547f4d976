package io.mosaic.runtime.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DemoSizeTest {

    @Test
    void eachLargeSizeHasExactlyTheLinesItsKeyNames() {
        assertThat(lines(DemoSize.LINES_10K)).isEqualTo(10_000);
        assertThat(lines(DemoSize.LINES_100K)).isEqualTo(100_000);
        assertThat(lines(DemoSize.LINES_1M)).isEqualTo(1_000_000);
    }

    @Test
    void namesASizeByItsKeyInAnyCase() {
        assertThat(DemoSize.named(" 100K ")).isEqualTo(DemoSize.LINES_100K);
        assertThat(DemoSize.named("demo")).isEqualTo(DemoSize.DEMO);
    }

    @Test
    void rejectsAnUnknownSizeListingTheKnownOnes() {
        assertThatThrownBy(() -> DemoSize.named("2m")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'2m'").hasMessageContaining("demo, 10k, 100k, 1m");
    }

    private static long lines(DemoSize size) {
        long lines = 0;
        for (int i = 0; i < size.orders(); i++) {
            lines += DemoData.linesOf(i);
        }
        return lines;
    }
}
