package io.mosaic.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code flows-approve}: a claim submitted and approved at two levels (the initiator's manager, then, the amount
 * being over 100, the director) through the platform's {@code FlowService} as its REST API does it
 * ({@link PlatformApprovals}: create and submit, approve, approve), against {@link HandWrittenApprovals} doing the
 * same with Flowable's own RuntimeService and TaskService. Both sides run in one runtime application booted
 * in-process, on one fresh database, in the same transactions of its transaction manager, finding each task with
 * the same task query. {@code BENCH_SQL=1} adds each side's statements per instance under the result.
 */
final class FlowsApproveBenchmark implements Benchmark {

    private static final long AMOUNT = 25_000;
    private static final String NOTE = "Trade fair booth";
    /** Instances per side counted statement by statement after the timing. */
    private static final int COUNTED = 20;

    private int sequence;

    @Override
    public String name() {
        return "flows-approve";
    }

    @Override
    public Result run(boolean quick) throws Exception {
        int instances = quick ? 200 : 2_000;
        int rounds = 5;
        int warmup = quick ? 50 : 200;
        try (BenchDatabase database = BenchDatabase.open(name(), false);
             BenchRuntime runtime = BenchRuntime.start(database, Path.of("bench/target/bench-files").toAbsolutePath())) {
            PlatformApprovals platform = PlatformApprovals.setUp(runtime);
            HandWrittenApprovals baseline = HandWrittenApprovals.setUp(runtime, platform.initiatorId());
            Stopwatch.Task platformTask = () -> (int) platform.approveOne(nextRecord());
            Stopwatch.Task baselineTask = () -> (int) baseline.approveOne(title(), AMOUNT, NOTE);
            Stopwatch.Pair micros = Stopwatch.compare(platformTask, baselineTask, warmup, rounds, instances / rounds);
            Map<String, Long> platformSql = counted(runtime, platformTask);
            Map<String, Long> baselineSql = counted(runtime, baselineTask);
            List<String> notes = new ArrayList<>();
            notes.add(String.format(Locale.ROOT, "%,d claims a side submitted and approved twice, after %,d to warm up, "
                    + "on %s", instances, warmup, database.description()));
            notes.add(String.format(Locale.ROOT, "SQL statements per instance: platform %.1f, baseline %.1f",
                    perInstance(total(platformSql)), perInstance(total(baselineSql))));
            if ("1".equals(System.getenv("BENCH_SQL"))) {
                notes.addAll(breakdown("platform", platformSql));
                notes.addAll(breakdown("baseline", baselineSql));
            }
            return new Result(micros.platformMicros() / 1_000, micros.baselineMicros() / 1_000, "ms/instance", notes);
        }
    }

    private String nextRecord() {
        return """
                {"title": "%s", "amount": %d, "note": "%s"}""".formatted(title(), AMOUNT, NOTE);
    }

    private String title() {
        return "Claim " + ++sequence;
    }

    private static Map<String, Long> counted(BenchRuntime runtime, Stopwatch.Task task) throws Exception {
        runtime.statements().start();
        for (int i = 0; i < COUNTED; i++) {
            task.call();
        }
        return runtime.statements().stop();
    }

    private static long total(Map<String, Long> bySql) {
        return bySql.values().stream().mapToLong(Long::longValue).sum();
    }

    private static double perInstance(long count) {
        return (double) count / COUNTED;
    }

    private static List<String> breakdown(String side, Map<String, Long> bySql) {
        List<String> lines = new ArrayList<>();
        bySql.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .forEach(e -> lines.add(String.format(Locale.ROOT, "%s %5.1f x %s", side, perInstance(e.getValue()),
                        e.getKey().length() > 160 ? e.getKey().substring(0, 160) + "..." : e.getKey())));
        return lines;
    }
}
