package io.mosaic.api.definition;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/** The definition kinds found on the class path, by key and by pack file suffix. */
public final class DefinitionKinds {

    private final Map<String, DefinitionKind> byKey;

    public DefinitionKinds(Iterable<DefinitionKind> kinds) {
        Map<String, DefinitionKind> map = new LinkedHashMap<>();
        for (DefinitionKind kind : kinds) {
            DefinitionKind previous = map.putIfAbsent(kind.key(), kind);
            if (previous != null) {
                throw new IllegalStateException("Two definition kinds share the key '" + kind.key() + "': "
                        + previous.getClass().getName() + " and " + kind.getClass().getName());
            }
        }
        this.byKey = Collections.unmodifiableMap(map);
    }

    /** Every kind registered through {@link ServiceLoader} on this class loader. */
    public static DefinitionKinds load() {
        return new DefinitionKinds(ServiceLoader.load(DefinitionKind.class, DefinitionKinds.class.getClassLoader()));
    }

    public Optional<DefinitionKind> find(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /** The kind whose pack file suffix ends {@code fileName}, if any. */
    public Optional<DefinitionKind> forFileName(String fileName) {
        return byKey.values().stream().filter(k -> fileName.endsWith(k.fileSuffix())).findFirst();
    }

    public Collection<DefinitionKind> all() {
        return byKey.values();
    }
}
