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
        return List.of(new DefinitionValidateBenchmark(), new FormsValidateBenchmark(), new FormsSubmitBenchmark(),
                new FormsListBenchmark(), new FlowsApproveBenchmark(), new RulesRebateBenchmark(),
                new RulesCompileBenchmark(), new RulesSaveBenchmark());
    }

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        int status = run(all(), args, "1".equals(System.getenv("BENCH_QUICK")), System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** @return the process exit status: 0, or 2 when a name is unknown (nothing is run then) */
    static int run(List<Benchmark> benchmarks, String[] args, boolean quick, PrintStream out, PrintStream err)
            throws Exception {
        Map<String, Benchmark> known = new LinkedHashMap<>();
        benchmarks.forEach(b -> known.put(b.name(), b));
        List<Benchmark> chosen = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String name : args) {
            if (known.containsKey(name)) {
                chosen.add(known.get(name));
            } else {
                unknown.add(name);
            }
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
