package io.mosaic.runtime.metadata;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mosaic.api.definition.DefinitionFormat;
import io.mosaic.api.definition.DefinitionKind;
import io.mosaic.api.definition.DefinitionProblem;
import io.mosaic.api.definition.LocalizedText;

/**
 * Stands in for the {@code app} kind while no engine registers it: checks only what the repository
 * itself relies on, that the manifest is a JSON object naming the app it belongs to.
 */
final class BareManifestKind implements DefinitionKind {

    static final BareManifestKind INSTANCE = new BareManifestKind();

    private static final ObjectMapper JSON = new ObjectMapper();

    private BareManifestKind() {
    }

    @Override
    public String key() {
        return MetadataService.APP_KIND;
    }

    @Override
    public String fileSuffix() {
        return "app.json";
    }

    @Override
    public DefinitionFormat format() {
        return DefinitionFormat.JSON;
    }

    @Override
    public LocalizedText label() {
        return new LocalizedText("应用", "App");
    }

    @Override
    public List<DefinitionProblem> validate(String key, String content) {
        JsonNode root;
        try {
            root = JSON.readTree(content);
        } catch (JsonProcessingException e) {
            return List.of(DefinitionProblem.at("", "The manifest is not valid JSON: " + e.getOriginalMessage()));
        }
        if (root == null || !root.isObject()) {
            return List.of(DefinitionProblem.at("", "The manifest must be a JSON object"));
        }
        JsonNode manifestKey = root.get("key");
        if (manifestKey == null || !manifestKey.isTextual() || !manifestKey.asText().equals(key)) {
            return List.of(DefinitionProblem.at("/key", "The manifest's key must be the app key \"" + key + "\""));
        }
        return List.of();
    }
}
