package io.mosaic.runtime.pack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mosaic.api.app.AppManifest;
import io.mosaic.samples.SamplePacks;

/**
 * The next version of the shipped dealer pack, as its authors would release it: the shipped files with the overlay in
 * {@code src/test/resources/packs/dms-next/} — {@code <name>.patch.json} (JSON Patch "add" operations) changes the
 * shipped {@code <name>.json}, any other file is a new definition — and the minor version one higher than the shipped one. Built
 * from the shipped files rather than kept as a copy, so that it stays the shipped pack plus one change.
 */
public final class NextDmsPack {

    static final String APP = SamplePacks.DEALER_MANAGEMENT;
    private static final String OVERLAY = "/packs/dms-next/";
    private static final String PATCH = ".patch.json";
    /** The overlay's files, new definitions in the order they must be published (a dataset before its reports). */
    private static final List<String> OVERLAY_FILES = List.of("app.patch.json", "order.form.patch.json",
            "order_po.dataset.json", "orders_by_po.report.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    private NextDmsPack() {
    }

    /** The shipped pack's files by name, as the installer reads them. */
    public static Map<String, byte[]> shipped() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String name : SamplePacks.files(APP)) {
            files.put(name, SamplePacks.content(APP, name).getBytes(StandardCharsets.UTF_8));
        }
        return files;
    }

    public static String shippedVersion() {
        return AppManifest.read(SamplePacks.content(APP, "app.json")).version().toString();
    }

    /** The shipped version with its minor part one higher and no patch part: 1.1.0 gives 1.2.0. */
    public static String version() {
        String[] parts = shippedVersion().split("\\.");
        return parts[0] + "." + (Integer.parseInt(parts[1]) + 1) + ".0";
    }

    public static Map<String, byte[]> files() {
        Map<String, byte[]> files = shipped();
        for (String name : OVERLAY_FILES) {
            String overlay = resource(name);
            if (name.endsWith(PATCH)) {
                String target = name.substring(0, name.length() - PATCH.length()) + ".json";
                files.put(target, bytes(apply(read(new String(files.get(target), StandardCharsets.UTF_8)), read(overlay))));
            } else {
                files.put(name, overlay.getBytes(StandardCharsets.UTF_8));
            }
        }
        ObjectNode app = (ObjectNode) read(new String(files.get("app.json"), StandardCharsets.UTF_8));
        app.put("version", version());
        files.put("app.json", bytes(app));
        return files;
    }

    /** The pack's files under another app key, to install it beside the sample pack of a shared installation. */
    public static Map<String, byte[]> withKey(Map<String, byte[]> files, String key) {
        Map<String, byte[]> renamed = new LinkedHashMap<>(files);
        ObjectNode app = (ObjectNode) read(new String(files.get("app.json"), StandardCharsets.UTF_8));
        renamed.put("app.json", bytes(app.put("key", key)));
        return renamed;
    }

    /** JSON Patch (RFC 6902), the "add" operation only: into an object, or into an array at an index or "-" (the end). */
    private static JsonNode apply(JsonNode document, JsonNode patch) {
        for (JsonNode operation : patch) {
            if (!"add".equals(operation.path("op").asText())) {
                throw new IllegalArgumentException("Only \"add\" is supported: " + operation);
            }
            JsonPointer path = JsonPointer.compile(operation.path("path").asText());
            JsonNode parent = document.at(path.head());
            String last = path.last().getMatchingProperty();
            JsonNode value = operation.get("value");
            if (parent instanceof ArrayNode array) {
                if (last.equals("-")) {
                    array.add(value);
                } else {
                    array.insert(Integer.parseInt(last), value);
                }
            } else if (parent instanceof ObjectNode object) {
                object.set(last, value);
            } else {
                throw new IllegalArgumentException("No array or object at " + path.head() + ": " + operation);
            }
        }
        return document;
    }

    private static String resource(String name) {
        try (InputStream in = NextDmsPack.class.getResourceAsStream(OVERLAY + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing overlay file " + OVERLAY + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
