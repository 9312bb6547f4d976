package io.mosaic.form.store;

import io.mosaic.form.api.FieldStorage;

import java.util.Optional;
import java.util.Set;

/**
 * The SQL type of one column, reduced to what schema sync compares: the kind and its size.
 * {@code size} is a VARCHAR's length or an integer's width in bytes; {@code precision}/{@code scale}
 * belong to DECIMAL. Which kind may become which is taken from {@link FieldStorage#canChangeTo}, so
 * the definition check and the column check cannot disagree.
 */
public record ColumnType(Kind kind, int size, int precision, int scale) {

    /** InnoDB keys hold at most 3072 bytes, i.e. 768 utf8mb4 characters. */
    public static final int MAX_INDEXED_LENGTH = 768;
    /** MySQL's largest DECIMAL precision. */
    public static final int MAX_PRECISION = 65;

    public enum Kind {
        VARCHAR(FieldStorage.STRING),
        LONGTEXT(FieldStorage.TEXT, FieldStorage.JSON),
        INTEGER(FieldStorage.INTEGER, FieldStorage.REFERENCE),
        DECIMAL(FieldStorage.DECIMAL),
        DATE(FieldStorage.DATE),
        DATETIME(FieldStorage.DATETIME),
        TIME(FieldStorage.TIME),
        BOOLEAN(FieldStorage.BOOLEAN),
        /** A column of a type form storage never creates. */
        OTHER();

        private final Set<FieldStorage> storages;

        Kind(FieldStorage... storages) {
            this.storages = Set.of(storages);
        }

        /** Whether every value of this kind fits a column of kind {@code wider}, as the field storages say. */
        boolean widensTo(Kind wider) {
            return storages.stream().anyMatch(from -> wider.storages.stream().anyMatch(from::canChangeTo));
        }
    }

    private static final int BIGINT_BYTES = 8;

    public static ColumnType varchar(int length) {
        return new ColumnType(Kind.VARCHAR, length, 0, 0);
    }

    public static ColumnType integer(int bytes) {
        return new ColumnType(Kind.INTEGER, bytes, 0, 0);
    }

    public static ColumnType bigint() {
        return integer(BIGINT_BYTES);
    }

    public static ColumnType decimal(int precision, int scale) {
        return new ColumnType(Kind.DECIMAL, 0, precision, scale);
    }

    public static ColumnType of(Kind kind) {
        return new ColumnType(kind, 0, 0, 0);
    }

    /** The type's DDL, the same on MySQL, MariaDB and H2 in MySQL mode. */
    public String sql() {
        return switch (kind) {
            case VARCHAR -> "VARCHAR(" + size + ")";
            case LONGTEXT -> "LONGTEXT";
            case INTEGER -> switch (size) {
                case 1 -> "TINYINT";
                case 2 -> "SMALLINT";
                case 3, 4 -> "INT";
                default -> "BIGINT";
            };
            case DECIMAL -> "DECIMAL(" + precision + "," + scale + ")";
            case DATE -> "DATE";
            case DATETIME -> "DATETIME(3)";
            case TIME -> "TIME";
            case BOOLEAN -> "BOOLEAN";
            case OTHER -> "an unknown type";
        };
    }

    /**
     * The narrowest type that holds every value of {@code this} and of {@code other}, or empty when
     * no type does (text and a number, a date and a time): a column of type {@code this} can be
     * changed to hold {@code other}'s values exactly when the result is present, and needs no change
     * when the result equals {@code this}.
     */
    public Optional<ColumnType> union(ColumnType other) {
        if (kind == other.kind) {
            return kind == Kind.OTHER ? Optional.empty() : Optional.of(sameKindUnion(other));
        }
        if (kind.widensTo(other.kind)) {
            return Optional.of(other.sameKindUnion(asKind(other.kind)));
        }
        if (other.kind.widensTo(kind)) {
            return Optional.of(sameKindUnion(other.asKind(kind)));
        }
        return Optional.empty();
    }

    private ColumnType sameKindUnion(ColumnType other) {
        return switch (kind) {
            case VARCHAR, INTEGER -> new ColumnType(kind, Math.max(size, other.size), 0, 0);
            case DECIMAL -> {
                int scale = Math.max(this.scale, other.scale);
                int integerDigits = Math.max(precision - this.scale, other.precision - other.scale);
                yield decimal(Math.min(MAX_PRECISION, integerDigits + scale), scale);
            }
            default -> this;
        };
    }

    /** This type's values as the wider {@code target} kind, which {@link Kind#widensTo} allowed. */
    private ColumnType asKind(Kind target) {
        if (kind == Kind.INTEGER && target == Kind.DECIMAL) {
            return decimal(integerDigits(), 0);
        }
        return of(target);
    }

    /** Decimal digits of the largest value an integer column of this width holds. */
    private int integerDigits() {
        return switch (size) {
            case 1 -> 3;
            case 2 -> 5;
            case 3 -> 8;
            case 4 -> 10;
            default -> 19;
        };
    }

    @Override
    public String toString() {
        return sql();
    }
}
