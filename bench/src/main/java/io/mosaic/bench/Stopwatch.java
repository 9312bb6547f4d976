package io.mosaic.bench;

import java.util.Arrays;

/**
 * Times two tasks against each other: both are warmed up, then measured in alternating rounds so
 * that drift on a shared machine (other builds, GC, frequency changes) hits both sides alike. The
 * median round of each side is kept; {@link #latencies} keeps every single call instead, for work
 * whose spread matters (a page a user waits for).
 */
final class Stopwatch {

    /** Work to time; returns something derived from its result so the JIT cannot drop it. */
    interface Task {
        int call() throws Exception;
    }

    /** Median cost of one call, in microseconds, of {@code platform} and {@code baseline}. */
    record Pair(double platformMicros, double baselineMicros) {
    }

    /** Each call's time in milliseconds, sorted, of both sides. */
    record Latencies(double[] platformMillis, double[] baselineMillis) {

        /** The {@code p}-th percentile (0 to 100) of sorted {@code millis}, nearest rank. */
        static double percentile(double[] millis, double p) {
            int rank = (int) Math.ceil(p / 100 * millis.length);
            return millis[Math.max(rank, 1) - 1];
        }
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

    /** Times {@code samples} single calls of each side, alternating call by call after the warm-up. */
    static Latencies latencies(Task platform, Task baseline, int warmupCalls, int samples) throws Exception {
        repeat(platform, warmupCalls);
        repeat(baseline, warmupCalls);
        double[] platformMillis = new double[samples];
        double[] baselineMillis = new double[samples];
        for (int i = 0; i < samples; i++) {
            platformMillis[i] = microsPerCall(platform, 1) / 1_000;
            baselineMillis[i] = microsPerCall(baseline, 1) / 1_000;
        }
        Arrays.sort(platformMillis);
        Arrays.sort(baselineMillis);
        return new Latencies(platformMillis, baselineMillis);
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
