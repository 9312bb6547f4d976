package io.mosaic.rule.run;

import io.mosaic.form.formula.FormulaContext;

import java.time.LocalDate;
import java.util.Map;

/**
 * What a rule's formulas and comparisons read: fields set by earlier rules of the same run, then the current
 * user under {@code current_user.} (id, username, roles, org_id, dealer_id), then the record and its lookups.
 */
final class RunContext implements FormulaContext {

    static final String USER_PREFIX = "current_user.";

    private static final Map<String, String> USER_KEYS = Map.of("id", "id", "username", "username",
            "roles", "roles", "org_id", "orgId", "dealer_id", "dealerId");

    private final FormulaContext record;
    private final Map<String, Object> user;
    private final Map<String, Object> changes;

    RunContext(FormulaContext record, Map<String, Object> user, Map<String, Object> changes) {
        this.record = record;
        this.user = user == null ? Map.of() : user;
        this.changes = changes;
    }

    /** This context with the fields set so far frozen, for effects read after the run (an update's match). */
    RunContext snapshot() {
        return new RunContext(record, user, new java.util.HashMap<>(changes));
    }

    @Override
    public boolean has(String path) {
        return changes.containsKey(path) || userKey(path) != null || record.has(path);
    }

    @Override
    public Object value(String path) {
        if (changes.containsKey(path)) {
            return changes.get(path);
        }
        String userKey = userKey(path);
        if (userKey != null) {
            return user.get(userKey);
        }
        return record.value(path);
    }

    @Override
    public LocalDate today() {
        return record.today();
    }

    private static String userKey(String path) {
        return path.startsWith(USER_PREFIX) ? USER_KEYS.get(path.substring(USER_PREFIX.length())) : null;
    }
}
