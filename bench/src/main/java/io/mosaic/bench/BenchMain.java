package io.mosaic.bench;

import java.io.PrintStream;
import java.util.ArrayList;
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

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        int status = run(all(), args, "1".equals(System.getenv("BENCH_QUICK")), System.out, System.err);
        // The report benchmarks leave their runtime up for each other; its threads would keep the JVM alive. The
        // shutdown hooks close it and drop a MariaDB database.
        System.exit(status);
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
