package io.mosaic.rule.run;

import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * Turns DRL text into a KieBase (classic DRL through drools-mvel). Each build gets its own release id and its
 * module is removed from the global repository afterwards: a shared id made concurrent builds return wrong rules,
 * and kept modules leak (STACK.md, pitfall 6). Only the platform's own generators and benchmarks give it text.
 */
public final class DrlCompiler {

    /** The package every generated DRL declares; its resource path must match it. */
    static final String PACKAGE = "io.mosaic.rule.gen";

    private static final AtomicLong BUILDS = new AtomicLong();

    private DrlCompiler() {
    }

    /** Builds DRL; errors are reported as one exception whose problems point at the whole text. */
    public static KieBase compile(String drl) {
        return compile(drl, line -> "");
    }

    /**
     * @param pointerAtLine where in the definition a generated line came from, for mapping compile errors back
     * @throws RuleCompileException naming each error's place in the definition
     */
    static KieBase compile(String drl, IntFunction<String> pointerAtLine) {
        KieServices services = KieServices.Factory.get();
        long build = BUILDS.incrementAndGet();
        ReleaseId releaseId = services.newReleaseId("io.mosaic.rule.generated", "build-" + build, "1.0.0");
        KieFileSystem files = services.newKieFileSystem().generateAndWritePomXML(releaseId);
        files.write("src/main/resources/" + PACKAGE.replace('.', '/') + "/rules" + build + ".drl", drl);
        KieBuilder builder = services.newKieBuilder(files).buildAll();
        try {
            List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
            if (!errors.isEmpty()) {
                List<io.mosaic.api.definition.DefinitionProblem> problems = new ArrayList<>();
                for (Message error : errors) {
                    problems.add(io.mosaic.api.definition.DefinitionProblem.at(pointerAtLine.apply(error.getLine()),
                            "The generated rules do not compile: " + error.getText()));
                }
                throw new RuleCompileException(problems);
            }
            return services.newKieContainer(releaseId).getKieBase();
        } finally {
            services.getRepository().removeKieModule(releaseId);
        }
    }
}
