package io.mosaic.runtime.metadata;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mosaic.api.definition.DefinitionFormat;
import io.mosaic.api.definition.DefinitionKind;
import io.mosaic.api.definition.DefinitionProblem;
import io.mosaic.api.definition.LocalizedText;

/**
 * A JSON kind for the repository's tests: {@code {"title": "…", "items": ["…"]}}. The title is required,
 * items must be text, and an upgrade may not drop an item (standing in for a form losing a column).
 */
public class TestNoteKind implements DefinitionKind {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String key() {
        return "testnote";
    }

    @Override
    public String fileSuffix() {
        return ".testnote.json";
    }

    @Override
    public DefinitionFormat format() {
        return DefinitionFormat.JSON;
    }

    @Override
    public LocalizedText label() {
        return new LocalizedText("测试便签", "Test note");
    }

    @Override
    public List<DefinitionProblem> validate(String key, String content) {
        JsonNode root;
        try {
            root = JSON.readTree(content);
        } catch (JsonProcessingException e) {
            return List.of(DefinitionProblem.at("", "Not JSON"));
        }
        if (!root.isObject()) {
            return List.of(DefinitionProblem.at("", "A note is a JSON object"));
        }
        List<DefinitionProblem> problems = new ArrayList<>();
        if (!root.path("title").isTextual() || root.path("title").asText().isBlank()) {
            problems.add(DefinitionProblem.at("/title", "A note needs a title"));
        }
        JsonNode items = root.path("items");
        for (int i = 0; i < items.size(); i++) {
            if (!items.get(i).isTextual()) {
                problems.add(DefinitionProblem.at("/items/" + i, "An item is text"));
            }
        }
        return problems;
    }

    @Override
    public List<DefinitionProblem> checkUpgrade(String key, String current, String next) {
        List<String> kept = items(next);
        return items(current).stream().filter(item -> !kept.contains(item))
                .map(item -> DefinitionProblem.at("/items", "The item '" + item + "' would be lost")).toList();
    }

    private static List<String> items(String content) {
        try {
            List<String> items = new ArrayList<>();
            JSON.readTree(content).path("items").forEach(item -> items.add(item.asText()));
            return items;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("checkUpgrade is only called with validated content", e);
        }
    }
}
