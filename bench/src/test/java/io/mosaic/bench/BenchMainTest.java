package io.mosaic.bench;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BenchMainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final List<String> ran = new ArrayList<>();

    @Test
    void runsEveryBenchmarkWhenNoneIsNamed() throws Exception {
        assertThat(run()).isZero();

        assertThat(ran).containsExactly("alpha", "beta");
        assertThat(out.toString(StandardCharsets.UTF_8).lines())
                .containsExactly("bench alpha ratio=2.00 platform=3.00 ms baseline=1.50 ms",
                        "bench beta ratio=0.50 platform=150 ms baseline=300 ms");
    }

    @Test
    void printsTheNotesOfAResultUnderItsLine() throws Exception {
        Benchmark noted = fake("gamma", new Result(2, 1, "ms/page", List.of("p95 3 ms", "1,000 records")));

        BenchMain.run(List.of(noted), new String[0], true, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(out.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "bench gamma ratio=2.00 platform=2.00 ms/page baseline=1.00 ms/page",
                "  gamma: p95 3 ms",
                "  gamma: 1,000 records");
    }

    @Test
    void runsOnlyTheNamedBenchmarks() throws Exception {
        assertThat(run("beta")).isZero();

        assertThat(ran).containsExactly("beta");
    }

    @Test
    void runsEveryBenchmarkANameStartsUpToADash() throws Exception {
        List<Benchmark> fakes = List.of(fake("alpha-cold", new Result(3, 1.5, "ms")),
                fake("alpha-cached", new Result(1, 1.5, "ms")), fake("alphabet", new Result(1, 1, "ms")));

        assertThat(BenchMain.run(fakes, new String[] {"alpha"}, true, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))).isZero();

        assertThat(ran).containsExactly("alpha-cold", "alpha-cached");
    }

    @Test
    void refusesUnknownNamesListingTheKnownOnesAndRunsNothing() throws Exception {
        assertThat(run("alpha", "gamma")).isEqualTo(2);

        assertThat(ran).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unknown benchmark(s): gamma", "Known: alpha, beta");
    }

    @Test
    void everyRegisteredBenchmarkHasAUniqueName() {
        assertThat(BenchMain.all()).extracting(Benchmark::name).doesNotHaveDuplicates()
                .contains("definition-validate", "forms-validate", "forms-submit", "forms-list", "flows-approve",
                        "reports-ranking", "reports-trend", "reports-scoped", "reports-dashboard-cold",
                        "reports-dashboard-cached");
    }

    private int run(String... args) throws Exception {
        List<Benchmark> fakes = List.of(fake("alpha", new Result(3, 1.5, "ms")), fake("beta", new Result(150, 300, "ms")));
        return BenchMain.run(fakes, args, true, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Benchmark fake(String name, Result result) {
        return new Benchmark() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Result run(boolean quick) {
                ran.add(name);
                return result;
            }
        };
    }
}
