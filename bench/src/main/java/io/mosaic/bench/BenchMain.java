package io.mosaic.bench;

import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs the named benchmarks, or all of them, printing one result line each. */
public final class BenchMain {

    /** Every benchmark, in the order a full run takes them. Later issues add theirs here. */
    static List<Benchmark> all() {
        List<Benchmark> all = new ArrayList<>(List.of(new DefinitionValidateBenchmark(), new FormsValidateBenchmark(),
                new FormsSubmitBenchmark(), new FormsListBenchmark(), new FlowsApproveBenchmark(),
                new RulesRebateBenchmark(), new RulesCompileBenchmark(), new RulesSaveBenchmark()));
        all.addAll(ReportsBenchmark.all());
        return List.copyOf(all);
    }

    /** What several benchmarks of a run share (the report benchmarks' runtime and data), closed when it ends. */
    private static final Deque<AutoCloseable> SHARED = new ArrayDeque<>();

    private BenchMain() {
    }

    /**
     * Keeps {@code resource} open for the rest of the run and closes it at its end, before the JVM's shutdown hooks
     * (which would close a runtime while a MariaDB database under it is dropped).
     */
    static synchronized void closeAtEnd(AutoCloseable resource) {
        SHARED.push(resource);
    }

    private static synchronized void closeShared() throws Exception {
        while (!SHARED.isEmpty()) {
            SHARED.pop().close();
        }
    }

    public static void main(String[] args) throws Exception {
        int status;
        try {
            status = run(all(), args, "1".equals(System.getenv("BENCH_QUICK")), System.out, System.err);
        } finally {
            closeShared();
        }
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * Runs the benchmarks {@code args} name; a name that starts others' up to a dash names all of them
     * ({@code reports-dashboard} for {@code reports-dashboard-cold} and {@code reports-dashboard-cached}).
     *
     * @return the process exit status: 0, or 2 when a name is unknown (nothing is run then)
     */
    static int run(List<Benchmark> benchmarks, String[] args, boolean quick, PrintStream out, PrintStream err)
            throws Exception {
        Map<String, Benchmark> known = new LinkedHashMap<>();
        benchmarks.forEach(b -> known.put(b.name(), b));
        List<Benchmark> chosen = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String name : args) {
            List<Benchmark> named = known.containsKey(name) ? List.of(known.get(name))
                    : known.values().stream().filter(b -> b.name().startsWith(name + "-")).toList();
            if (named.isEmpty()) {
                unknown.add(name);
            }
            chosen.addAll(named);
        }
        if (!unknown.isEmpty()) {
            err.println("Unknown benchmark(s): " + String.join(", ", unknown)
                    + ". Known: " + String.join(", ", known.keySet()));
            return 2;
        }
        if (chosen.isEmpty()) {
            chosen.addAll(known.values());
        }
        for (Benchmark benchmark : chosen) {
            Result result = benchmark.run(quick);
            out.println(result.line(benchmark.name()));
            result.notes().forEach(note -> out.println("  " + benchmark.name() + ": " + note));
            out.flush();
        }
        return 0;
    }
}
