package io.mosaic.runtime.metadata;

import org.apache.commons.lang3.StringUtils;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the repository copies from an app manifest into {@code mo_app} for the launcher: names and semver.
 * The copies are cut to their column sizes; the manifest itself keeps the full text.
 */
record ManifestInfo(String nameZh, String nameEn, String version) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads a manifest that has passed validation; fields it lacks stay null. */
    static ManifestInfo of(String manifest) {
        JsonNode root;
        try {
            root = JSON.readTree(manifest);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A validated app manifest is not JSON", e);
        }
        JsonNode name = root.path("name");
        return new ManifestInfo(text(name.path("zh-CN"), 200), text(name.path("en"), 200),
                text(root.path("version"), 64));
    }

    private static String text(JsonNode node, int maxLength) {
        return node.isTextual() ? StringUtils.truncate(node.asText(), maxLength) : null;
    }
}
