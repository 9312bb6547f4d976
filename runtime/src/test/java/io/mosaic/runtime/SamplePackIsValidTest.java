package io.mosaic.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mosaic.api.app.AppManifest;
import io.mosaic.api.definition.DefinitionKind;
import io.mosaic.api.definition.DefinitionKinds;
import io.mosaic.samples.SamplePacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped dealer-management pack passes every kind's validation; no Spring needed. */
class SamplePackIsValidTest {

    private static final String PACK = SamplePacks.DEALER_MANAGEMENT;
    private static final String MANIFEST = "app.json";
    private static final DefinitionKinds KINDS = DefinitionKinds.load();
    private static final ObjectMapper JSON = new ObjectMapper();

    static List<String> packFiles() {
        return SamplePacks.files(PACK);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("packFiles")
    void everyFileValidatesWithItsKind(String file) {
        DefinitionKind kind = KINDS.forFileName(file).orElseThrow(() -> new AssertionError("No kind for " + file));

        assertThat(kind.validate(keyOf(file, kind), SamplePacks.content(PACK, file))).as(file).isEmpty();
    }

    @Test
    void manifestListsExactlyTheDefinitionFilesPresent() {
        AppManifest manifest = AppManifest.read(SamplePacks.content(PACK, MANIFEST));

        List<AppManifest.DefinitionRef> present = packFiles().stream()
                .filter(file -> !file.equals(MANIFEST))
                .map(file -> {
                    DefinitionKind kind = KINDS.forFileName(file).orElseThrow();
                    return new AppManifest.DefinitionRef(kind.key(), keyOf(file, kind));
                })
                .collect(Collectors.toList());
        assertThat(manifest.key()).isEqualTo(PACK);
        assertThat(manifest.definitions()).containsExactlyInAnyOrderElementsOf(present);
    }

    @Test
    void referencesBetweenDefinitionsStayInsideThePack() throws IOException {
        Map<String, JsonNode> forms = jsonOfKind("form");
        Map<String, JsonNode> datasets = jsonOfKind("dataset");
        Map<String, JsonNode> reports = jsonOfKind("report");
        List<String> broken = new ArrayList<>();

        forms.forEach((form, definition) -> definition.path("fields").forEach(field -> {
            checkLookup(form, field, forms, broken);
            field.path("columns").forEach(column -> checkLookup(form, column, forms, broken));
        }));
        datasets.forEach((dataset, definition) -> {
            if (!forms.containsKey(definition.at("/source/form").asText())) {
                broken.add("dataset " + dataset + " reads unknown form " + definition.at("/source/form").asText());
            }
        });
        reports.forEach((report, definition) -> {
            JsonNode dataset = datasets.get(definition.path("dataset").asText());
            if (dataset == null) {
                broken.add("report " + report + " shows unknown dataset " + definition.path("dataset").asText());
                return;
            }
            for (String list : List.of("dimensions", "measures")) {
                definition.path(list).forEach(key -> {
                    if (!keys(dataset.path(list)).contains(key.asText())) {
                        broken.add("report " + report + " shows " + key.asText() + ", not among the dataset's " + list);
                    }
                });
            }
        });
        jsonOfKind("dashboard").forEach((dashboard, definition) -> definition.path("widgets").forEach(widget -> {
            if (!reports.containsKey(widget.path("report").asText())) {
                broken.add("dashboard " + dashboard + " places unknown report " + widget.path("report").asText());
            }
        }));
        jsonOfKind("decision").forEach((table, definition) -> {
            if (definition.has("form") && !forms.containsKey(definition.path("form").asText())) {
                broken.add("decision " + table + " evaluates unknown form " + definition.path("form").asText());
            }
        });

        assertThat(broken).isEmpty();
    }

    private static void checkLookup(String form, JsonNode field, Map<String, JsonNode> forms, List<String> broken) {
        if (!field.has("lookup")) {
            return;
        }
        JsonNode target = forms.get(field.at("/lookup/form").asText());
        if (target == null) {
            broken.add(form + "." + field.path("key").asText() + " looks up unknown form " + field.at("/lookup/form").asText());
        } else if (!keys(target.path("fields")).contains(field.at("/lookup/displayField").asText())) {
            broken.add(form + "." + field.path("key").asText() + " displays unknown field "
                    + field.at("/lookup/displayField").asText());
        }
    }

    private static Set<String> keys(JsonNode items) {
        Set<String> keys = new HashSet<>();
        items.forEach(item -> keys.add(item.path("key").asText()));
        return keys;
    }

    /** The pack's JSON definitions of one kind, by definition key. */
    private static Map<String, JsonNode> jsonOfKind(String kindKey) throws IOException {
        DefinitionKind kind = KINDS.find(kindKey).orElseThrow();
        Map<String, JsonNode> byKey = new HashMap<>();
        for (String file : packFiles()) {
            if (!file.equals(MANIFEST) && file.endsWith(kind.fileSuffix())) {
                byKey.put(keyOf(file, kind), JSON.readTree(SamplePacks.content(PACK, file)));
            }
        }
        return byKey;
    }

    private static String keyOf(String file, DefinitionKind kind) {
        return file.equals(MANIFEST) ? PACK : file.substring(0, file.length() - kind.fileSuffix().length());
    }
}
