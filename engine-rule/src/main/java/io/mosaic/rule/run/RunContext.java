package io.mosaic.rule.run;

import io.mosaic.form.formula.FormulaContext;

import java.time.LocalDate;
import java.util.List;
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
    private final RecordFinder finder;
    /** The records {@code exists} conditions found, by their {@code as} name: {@code conflict.number} reads one. */
    private final Map<String, FormulaContext> found;
    private final Map<List<Object>, List<FormulaContext>> finds = new java.util.HashMap<>();

    RunContext(FormulaContext record, Map<String, Object> user, Map<String, Object> changes, RecordFinder finder) {
        this(record, user, changes, finder, new java.util.HashMap<>());
    }

    private RunContext(FormulaContext record, Map<String, Object> user, Map<String, Object> changes, RecordFinder finder,
                       Map<String, FormulaContext> found) {
        this.record = record;
        this.user = user == null ? Map.of() : user;
        this.changes = changes;
        this.finder = finder;
        this.found = found;
    }

    /** This context with the fields set so far frozen, for effects read after the run (an update's match). */
    RunContext snapshot() {
        return new RunContext(record, user, new java.util.HashMap<>(changes), finder, new java.util.HashMap<>(found));
    }

    /**
     * What the finder has for these criteria, asked once per run: other records do not change while the rules run, and
     * a set_field makes Drools test every condition again.
     */
    List<FormulaContext> find(String form, List<RecordFinder.Criterion> where, boolean excludeSelf, int limit) {
        return finds.computeIfAbsent(List.of(form, where, excludeSelf, limit),
                key -> finder.find(form, where, excludeSelf, limit));
    }

    /** Names the record an {@code exists} found; {@code null} forgets what the name stood for. */
    void found(String name, FormulaContext match) {
        if (match == null) {
            found.remove(name);
        } else {
            found.put(name, match);
        }
    }

    @Override
    public boolean has(String path) {
        return changes.containsKey(path) || userKey(path) != null || foundRecord(path) != null || record.has(path);
    }

    @Override
    public Object value(String path) {
        if (changes.containsKey(path)) {
            return changes.get(path);
        }
        FormulaContext match = foundRecord(path);
        if (match != null) {
            String field = path.substring(path.indexOf('.') + 1);
            return match.has(field) ? match.value(field) : null;
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

    private FormulaContext foundRecord(String path) {
        int dot = path.indexOf('.');
        return dot < 0 ? null : found.get(path.substring(0, dot));
    }

    @Override
    public Object match(String form, String field, Map<String, Object> keys) {
        return record.match(form, field, keys);
    }

    private static String userKey(String path) {
        return path.startsWith(USER_PREFIX) ? USER_KEYS.get(path.substring(USER_PREFIX.length())) : null;
    }
}
