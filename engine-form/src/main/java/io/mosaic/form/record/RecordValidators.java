package io.mosaic.form.record;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Compiled validators, one per form, for the version last asked for. Compiling a schema costs far
 * more than using it, so a published version is compiled once; asking with another version id
 * compiles that one and replaces the form's entry, so the cache holds one validator per form.
 * Thread-safe: concurrent first requests for one version compile it once.
 */
public final class RecordValidators {

    private final ConditionEvaluator conditions;
    private final Map<String, Entry> byForm = new ConcurrentHashMap<>();

    private record Entry(String versionId, RecordValidator validator) {
    }

    /** @param conditions decides fields' visibleWhen / requiredWhen conditions for every form */
    public RecordValidators(ConditionEvaluator conditions) {
        this.conditions = Objects.requireNonNull(conditions, "conditions");
    }

    /**
     * The validator of {@code formKey} at {@code versionId}.
     *
     * @param versionId  identifies the published version (its number or row id); equal ids must mean equal content
     * @param definition the version's definition text, read only when the version is not compiled yet
     */
    public RecordValidator validator(String formKey, String versionId, Supplier<String> definition) {
        Objects.requireNonNull(versionId, "versionId");
        Entry cached = byForm.get(formKey);
        if (cached != null && cached.versionId.equals(versionId)) {
            return cached.validator;
        }
        return byForm.compute(formKey, (key, current) -> current != null && current.versionId.equals(versionId)
                ? current
                : new Entry(versionId, RecordValidator.compile(RecordSchema.of(key, definition.get()), conditions)))
                .validator;
    }

    /** Forgets a form, e.g. when it is deleted; the next request compiles afresh. */
    public void evict(String formKey) {
        byForm.remove(formKey);
    }
}
