package io.mosaic.form.record;

import io.mosaic.api.definition.LocalizedText;

import java.util.Locale;

/**
 * One problem of a submitted record.
 *
 * @param pointer JSON Pointer into the record, e.g. {@code /lines/2/quantity}
 * @param code    {@link ErrorCode#code()}
 * @param message the problem in the user's language, naming the field by its label
 */
public record RecordError(String pointer, String code, String message) {

    /** For checks outside this package (unique values, lookup targets) so every error reads alike. */
    public static RecordError of(String pointer, ErrorCode code, LocalizedText label, Object limit, Locale locale) {
        return new RecordError(pointer, code.code(),
                code.message(locale, label.in(locale == null ? null : locale.toLanguageTag()), limit));
    }
}
