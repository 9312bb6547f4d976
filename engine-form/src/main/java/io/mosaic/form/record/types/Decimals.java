package io.mosaic.form.record.types;

import java.math.BigDecimal;

import io.mosaic.form.api.FieldType;
import io.mosaic.form.model.FieldModel;

/**
 * What decimal, money and percent values share: the bounds of DECIMAL(precision, scale) and no more decimals than
 * the scale.
 */
public final class Decimals {

    private Decimals() {
    }

    /** Bounds default to what DECIMAL(precision, scale) holds; the scale becomes {@code multipleOf}. */
    static void describe(ValueSchema schema, FieldModel field, boolean required) {
        int scale = scale(field);
        int precision = field.precision() == null ? FieldType.DEFAULT_PRECISION : field.precision();
        BigDecimal step = BigDecimal.ONE.movePointLeft(scale);
        BigDecimal largest = BigDecimal.ONE.movePointRight(Math.max(precision - scale, 0)).subtract(step);
        schema.type("number", required);
        schema.bounded(field.min(), field.max(), largest.negate(), largest);
        schema.node().put("multipleOf", step);
    }

    /** Decimal places a number field keeps: as declared, else its type's default (the column's too). */
    public static int scale(FieldModel field) {
        return field.scale() != null ? field.scale() : field.type().defaultScale();
    }
}
