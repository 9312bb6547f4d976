package io.mosaic.rule.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.mosaic.api.definition.DefinitionProblem;
import io.mosaic.api.definition.JsonSchemaDefinitionKind;
import io.mosaic.rule.api.DecisionTableKind;
import io.mosaic.rule.api.RuleSetKind;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Compiles rule sets and decision tables and keeps each compiled form under the caller's cache key (one per
 * published version, e.g. {@code app/key/version:checksum}): the same key gives the same compiled instance and
 * KieBase without reading the definition again. Thread-safe.
 */
public final class RuleEngine {

    /** Firings allowed in one run of a rule set before it counts as a runaway. */
    public static final int DEFAULT_MAX_FIRINGS = 10_000;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private final RuleSetKind ruleSetKind = new RuleSetKind();
    private final DecisionTableKind decisionKind = new DecisionTableKind();
    private final Map<String, CompiledRules> ruleSets = new ConcurrentHashMap<>();
    private final Map<String, CompiledDecision> decisions = new ConcurrentHashMap<>();
    private final int maxFirings;

    public RuleEngine() {
        this(DEFAULT_MAX_FIRINGS);
    }

    public RuleEngine(int maxFirings) {
        if (maxFirings < 1) {
            throw new IllegalArgumentException("The cap on firings must be positive");
        }
        this.maxFirings = maxFirings;
    }

    /**
     * The compiled rule set under {@code cacheKey}, compiling {@code rulesJson} the first time.
     *
     * @throws RuleCompileException with pointers into the rule set when it is invalid or does not compile
     */
    public CompiledRules rules(String cacheKey, String rulesJson) {
        return ruleSets.computeIfAbsent(cacheKey,
                k -> RuleSetCompiler.compile(validated(ruleSetKind, rulesJson), maxFirings));
    }

    /**
     * The compiled decision table under {@code cacheKey}, compiling {@code decisionJson} the first time.
     *
     * @throws RuleCompileException with pointers into the table when it is invalid (gaps and overlaps included)
     */
    public CompiledDecision decision(String cacheKey, String decisionJson) {
        return decisions.computeIfAbsent(cacheKey,
                k -> DecisionCompiler.compile(validated(decisionKind, decisionJson)));
    }

    /** Drops what is cached under {@code cacheKey}, e.g. when a version is deleted. */
    public void forget(String cacheKey) {
        ruleSets.remove(cacheKey);
        decisions.remove(cacheKey);
    }

    /** Forgets every cached entry whose key starts with {@code prefix} (e.g. all versions of one definition). */
    public void forgetAll(String prefix) {
        Function<String, Boolean> match = key -> key.startsWith(prefix);
        ruleSets.keySet().removeIf(match::apply);
        decisions.keySet().removeIf(match::apply);
    }

    private static JsonNode validated(JsonSchemaDefinitionKind kind, String json) {
        JsonNode definition;
        try {
            definition = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new RuleCompileException(List.of(DefinitionProblem.at("", "Not JSON: " + e.getOriginalMessage())));
        }
        List<DefinitionProblem> problems = kind.validate(definition.path("key").asText(), json);
        if (!problems.isEmpty()) {
            throw new RuleCompileException(problems);
        }
        return definition;
    }
}
