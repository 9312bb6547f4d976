package io.mosaic.rule.run;

import io.mosaic.form.formula.FormulaContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Test data: records, facts and fixture files. */
final class Records {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-15T08:00:00Z"), ZoneOffset.UTC);

    private Records() {
    }

    static FormulaContext record(Map<String, ?> values) {
        return FormulaContext.of(values, CLOCK);
    }

    static RuleFacts facts(Map<String, ?> values) {
        return new RuleFacts(record(values), Set.of(), Map.of("id", 7, "username", "alice",
                "roles", List.of("sales", "finance"), "orgId", 3), CLOCK.instant());
    }

    static String fixture(String path) {
        try (InputStream in = Records.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A one-rule before_save rule set with the given condition (JSON or null) and actions (a JSON array). */
    static String ruleSet(String trigger, String condition, String actions) {
        return """
                {"key": "checks", "name": {"zh-CN": "检查", "en": "Checks"}, "form": "order",
                 "trigger": %s,
                 "rules": [{"key": "only", "name": {"zh-CN": "唯一", "en": "Only"}%s, "actions": %s}]}
                """.formatted(trigger, condition == null ? "" : ", \"condition\": " + condition, actions);
    }

    static String ruleSet(String condition, String actions) {
        return ruleSet("{\"type\": \"before_save\"}", condition, actions);
    }
}
