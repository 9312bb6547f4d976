package io.mosaic.rule.run;

import io.mosaic.form.formula.FormulaContext;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * What a run of a rule set reads.
 *
 * @param record        the record's values by path, lookups included ({@code dealer.credit_limit})
 * @param changedFields the fields this save changed (for the runtime's field_changed dispatch and for display)
 * @param user          the current user: id, username, roles (a list), orgId, dealerId; conditions read them as
 *                      {@code current_user.id}, {@code current_user.username}, {@code current_user.roles},
 *                      {@code current_user.org_id}, {@code current_user.dealer_id}
 * @param now           when the run happens
 * @param finder        other records, for {@code exists} conditions
 */
public record RuleFacts(FormulaContext record, Set<String> changedFields, Map<String, Object> user, Instant now,
                        RecordFinder finder) {

    public RuleFacts {
        changedFields = changedFields == null ? Set.of() : Set.copyOf(changedFields);
        user = user == null ? Map.of() : user;
        now = now == null ? Instant.now() : now;
        finder = finder == null ? RecordFinder.NONE : finder;
    }

    /** Facts whose {@code exists} conditions find nothing. */
    public RuleFacts(FormulaContext record, Set<String> changedFields, Map<String, Object> user, Instant now) {
        this(record, changedFields, user, now, RecordFinder.NONE);
    }
}
