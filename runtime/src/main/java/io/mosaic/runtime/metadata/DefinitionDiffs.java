package io.mosaic.runtime.metadata;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;

import io.mosaic.api.definition.DefinitionFormat;
import io.mosaic.api.definition.DefinitionKind;

/** Compares a draft with the published version it would replace. */
final class DefinitionDiffs {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CONTEXT_LINES = 3;

    private DefinitionDiffs() {
    }

    /**
     * @param base  the published content, null when never published
     * @param draft the draft content, null when there is no draft (then nothing changed)
     */
    static DefinitionDiff compare(DefinitionKind kind, String key, Integer baseVersion, String base, String draft) {
        if (draft == null) {
            return new DefinitionDiff(baseVersion, false, List.of(), "");
        }
        boolean json = kind.format() == DefinitionFormat.JSON;
        JsonNode baseTree = json && base != null ? parse(base) : null;
        JsonNode draftTree = json ? parse(draft) : null;

        // JSON is compared pretty-printed so that a reformatted but equal document shows no line changes.
        String baseText = base == null ? "" : json ? pretty(baseTree) : base;
        String draftText = json ? pretty(draftTree) : draft;
        List<String> baseLines = base == null ? List.of() : baseText.lines().toList();
        Patch<String> patch = DiffUtils.diff(baseLines, draftText.lines().toList());
        String fileName = key + kind.fileSuffix();
        String baseName = baseVersion == null ? "/dev/null" : fileName + " (version " + baseVersion + ")";
        String unified = patch.getDeltas().isEmpty() ? "" : String.join("\n",
                UnifiedDiffUtils.generateUnifiedDiff(baseName, fileName + " (draft)", baseLines, patch, CONTEXT_LINES));

        List<DefinitionDiff.Change> changes = new ArrayList<>();
        if (json) {
            compareNodes(JsonPointer.empty(), baseTree, draftTree, changes);
        }
        return new DefinitionDiff(baseVersion, !patch.getDeltas().isEmpty(), changes, unified);
    }

    /** Walks both trees and records the smallest changed values: members and items are compared one by one. */
    private static void compareNodes(JsonPointer at, JsonNode before, JsonNode after,
                                     List<DefinitionDiff.Change> changes) {
        if (before == null) {
            changes.add(new DefinitionDiff.Change("add", at.toString(), null, after.toString()));
        } else if (after == null) {
            changes.add(new DefinitionDiff.Change("remove", at.toString(), before.toString(), null));
        } else if (before.isObject() && after.isObject()) {
            for (Map.Entry<String, JsonNode> member : before.properties()) {
                compareNodes(at.appendProperty(member.getKey()), member.getValue(), after.get(member.getKey()), changes);
            }
            for (Map.Entry<String, JsonNode> member : after.properties()) {
                if (!before.has(member.getKey())) {
                    compareNodes(at.appendProperty(member.getKey()), null, member.getValue(), changes);
                }
            }
        } else if (before.isArray() && after.isArray()) {
            for (int i = 0; i < Math.max(before.size(), after.size()); i++) {
                compareNodes(at.appendIndex(i), before.get(i), after.get(i), changes);
            }
        } else if (!before.equals(after)) {
            changes.add(new DefinitionDiff.Change("replace", at.toString(), before.toString(), after.toString()));
        }
    }

    private static JsonNode parse(String content) {
        try {
            return JSON.readTree(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored content of a JSON kind is not JSON", e);
        }
    }

    private static String pretty(JsonNode tree) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot print a parsed JSON tree", e);
        }
    }
}
