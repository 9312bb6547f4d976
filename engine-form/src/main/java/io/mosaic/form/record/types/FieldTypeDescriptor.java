package io.mosaic.form.record.types;

import io.mosaic.api.definition.LocalizedText;
import io.mosaic.form.api.FieldType;
import io.mosaic.form.model.FieldModel;

/**
 * One field type: what it is called, where the designer's palette shows it, and what a record may hold in a field
 * of it (its part of the record's JSON Schema). One class per type, all listed in {@link FieldTypes}; the
 * {@link FieldType} names them as definition files do.
 */
public interface FieldTypeDescriptor {

    /** Where the designer's palette groups a type. */
    enum Category {
        BASIC, NUMBER, DATE, CHOICE, PEOPLE, RELATION, ADVANCED
    }

    FieldType type();

    Category category();

    LocalizedText name();

    /** Whether the platform sets the value (serial numbers, formulas): a client may never send it. */
    default boolean platformSet() {
        return false;
    }

    /**
     * Writes what a value of {@code field} may be into {@code schema}; {@code required} when the schema alone must
     * refuse a blank (the field is required without conditions).
     */
    void describe(ValueSchema schema, FieldModel field, boolean required);
}
