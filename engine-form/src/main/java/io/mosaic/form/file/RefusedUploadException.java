package io.mosaic.form.file;

import io.mosaic.form.model.FieldModel;
import io.mosaic.form.record.ErrorCode;
import io.mosaic.form.record.RecordError;

import java.util.Locale;

/** An upload a field does not take: too large ({@code file_too_large}) or of another type ({@code file_type}). */
public class RefusedUploadException extends RuntimeException {

    private final FieldModel field;
    private final ErrorCode code;
    private final Object limit;

    RefusedUploadException(FieldModel field, ErrorCode code, Object limit) {
        super(code.message(Locale.ENGLISH, field.key(), limit));
        this.field = field;
        this.code = code;
        this.limit = limit;
    }

    public ErrorCode code() {
        return code;
    }

    /** The problem at {@code pointer}, naming the field by its label in {@code locale}'s language. */
    public RecordError error(String pointer, Locale locale) {
        return RecordError.of(pointer, code, field.label(), limit, locale);
    }
}
