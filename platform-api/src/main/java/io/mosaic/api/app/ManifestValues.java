package io.mosaic.api.app;

import io.mosaic.api.security.FieldAccess;
import io.mosaic.api.security.FormAction;
import io.mosaic.api.security.RowScope;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How the security enums are written in a manifest: lower-case names ({@code org_subtree},
 * {@code read_only}). The one place both the validator and the reader translate them.
 */
final class ManifestValues {

    /** Field accesses a grant may name; {@code editable} is the default and is never written. */
    static final List<FieldAccess> GRANTABLE_FIELD_ACCESS = List.of(FieldAccess.READ_ONLY, FieldAccess.HIDDEN);

    private ManifestValues() {
    }

    static Optional<FormAction> action(String text) {
        return find(FormAction.values(), text);
    }

    static Optional<RowScope> rowScope(String text) {
        return find(RowScope.values(), text);
    }

    static Optional<FieldAccess> fieldAccess(String text) {
        return find(FieldAccess.values(), text).filter(GRANTABLE_FIELD_ACCESS::contains);
    }

    static String wireName(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    static String wireNames(List<? extends Enum<?>> values) {
        return String.join(", ", values.stream().map(ManifestValues::wireName).toList());
    }

    private static <E extends Enum<E>> Optional<E> find(E[] values, String text) {
        return Arrays.stream(values).filter(v -> wireName(v).equals(text)).findFirst();
    }
}
