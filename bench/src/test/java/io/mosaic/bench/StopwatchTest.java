package io.mosaic.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StopwatchTest {

    @Test
    void percentilesAreTheNearestRankOfTheSortedCalls() {
        double[] millis = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20};

        assertThat(Stopwatch.Latencies.percentile(millis, 50)).isEqualTo(10);
        assertThat(Stopwatch.Latencies.percentile(millis, 95)).isEqualTo(19);
        assertThat(Stopwatch.Latencies.percentile(millis, 100)).isEqualTo(20);
        assertThat(Stopwatch.Latencies.percentile(millis, 0)).isEqualTo(1);
    }

    @Test
    void latenciesTimeEverySampleOfBothSidesAfterTheWarmUp() throws Exception {
        int[] calls = {0, 0};

        Stopwatch.Latencies latencies = Stopwatch.latencies(() -> ++calls[0], () -> ++calls[1], 3, 7);

        assertThat(calls).containsExactly(10, 10);
        assertThat(latencies.platformMillis()).hasSize(7).isSorted();
        assertThat(latencies.baselineMillis()).hasSize(7).isSorted();
    }
}
