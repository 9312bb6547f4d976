package io.mosaic.bench;

import java.util.Arrays;

/**
 * Times two tasks against each other: both are warmed up, then measured in alternating rounds so
 * that drift on a shared machine (other builds, GC, frequency changes) hits both sides alike. The
 * median round of each side is kept.
 */
final class Stopwatch {

    /** Work to time; returns something derived from its result so the JIT cannot drop it. */
    interface Task {
        int call() throws Exception;
    }

    /** Median cost of one call, in microseconds, of {@code platform} and {@code baseline}. */
    record Pair(double platformMicros, double baselineMicros) {
    }

    private static volatile int sink;

    private Stopwatch() {
    }

    static Pair compare(Task platform, Task baseline, int warmupCalls, int rounds, int callsPerRound) throws Exception {
        repeat(platform, warmupCalls);
        repeat(baseline, warmupCalls);
        double[] platformRounds = new double[rounds];
        double[] baselineRounds = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            platformRounds[r] = microsPerCall(platform, callsPerRound);
            baselineRounds[r] = microsPerCall(baseline, callsPerRound);
        }
        return new Pair(median(platformRounds), median(baselineRounds));
    }

    private static double microsPerCall(Task task, int calls) throws Exception {
        long start = System.nanoTime();
        repeat(task, calls);
        return (System.nanoTime() - start) / 1_000.0 / calls;
    }

    private static void repeat(Task task, int calls) throws Exception {
        int acc = 0;
        for (int i = 0; i < calls; i++) {
            acc += task.call();
        }
        sink += acc;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
