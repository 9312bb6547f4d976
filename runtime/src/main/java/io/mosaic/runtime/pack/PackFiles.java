package io.mosaic.runtime.pack;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The files of a pack by name (forward slashes, no folders of their own), read fully into memory. */
public final class PackFiles {

    private final Map<String, byte[]> files;

    public PackFiles(Map<String, byte[]> files) {
        this.files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
    }

    public Set<String> names() {
        return files.keySet();
    }

    public boolean has(String name) {
        return files.containsKey(name);
    }

    public byte[] bytes(String name) {
        return files.get(name);
    }

    public String text(String name) {
        byte[] bytes = files.get(name);
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    public Map<String, byte[]> asMap() {
        return files;
    }
}
