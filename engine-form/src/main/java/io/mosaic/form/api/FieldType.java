package io.mosaic.form.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The field types a form may use, as written in {@code *.form.json}, with how each is stored. */
public enum FieldType {
    TEXT(FieldStorage.STRING),
    TEXTAREA(FieldStorage.TEXT),
    INTEGER(FieldStorage.INTEGER),
    DECIMAL(FieldStorage.DECIMAL),
    MONEY(FieldStorage.DECIMAL),
    PERCENT(FieldStorage.DECIMAL),
    DATE(FieldStorage.DATE),
    DATETIME(FieldStorage.DATETIME),
    TIME(FieldStorage.TIME),
    SELECT(FieldStorage.STRING),
    MULTISELECT(FieldStorage.JSON),
    RADIO(FieldStorage.STRING),
    CHECKBOX(FieldStorage.JSON),
    SWITCH(FieldStorage.BOOLEAN),
    EMAIL(FieldStorage.STRING),
    PHONE(FieldStorage.STRING),
    URL(FieldStorage.STRING),
    USER(FieldStorage.REFERENCE),
    ORG(FieldStorage.REFERENCE),
    LOOKUP(FieldStorage.REFERENCE),
    SUBTABLE(FieldStorage.CHILD_TABLE),
    ATTACHMENT(FieldStorage.JSON),
    IMAGE(FieldStorage.JSON),
    SERIAL(FieldStorage.STRING),
    /** Stored as its result type; see {@link FormulaResult}. */
    FORMULA(FieldStorage.DECIMAL),
    REGION(FieldStorage.JSON),
    RICHTEXT(FieldStorage.TEXT);

    /** Lookups run for every field of every validation, so the keys are computed once. */
    private static final Map<String, FieldType> BY_KEY = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(FieldType::key, t -> t));

    private final FieldStorage storage;
    private final String key;

    FieldType(FieldStorage storage) {
        this.storage = storage;
        this.key = name().toLowerCase(Locale.ROOT);
    }

    /** The name used in definition files. */
    public String key() {
        return key;
    }

    /** Storage of a field of this type; a formula's depends on its result type. */
    public FieldStorage storage() {
        return storage;
    }

    /** Types whose values are chosen from {@code options}. */
    public boolean hasOptions() {
        return this == SELECT || this == MULTISELECT || this == RADIO || this == CHECKBOX;
    }

    public static Optional<FieldType> of(String key) {
        return Optional.ofNullable(key == null ? null : BY_KEY.get(key));
    }

    /** What a formula field computes, and so how it is stored. */
    public enum FormulaResult {
        NUMBER(FieldStorage.DECIMAL),
        TEXT(FieldStorage.STRING),
        DATE(FieldStorage.DATE),
        BOOLEAN(FieldStorage.BOOLEAN);

        private final FieldStorage storage;

        FormulaResult(FieldStorage storage) {
            this.storage = storage;
        }

        public FieldStorage storage() {
            return storage;
        }

        public static Optional<FormulaResult> of(String key) {
            return Arrays.stream(values()).filter(r -> r.name().toLowerCase(Locale.ROOT).equals(key)).findFirst();
        }
    }
}
