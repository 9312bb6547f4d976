package io.mosaic.form.record;

import com.fasterxml.jackson.databind.JsonNode;
import io.mosaic.form.api.FieldType;
import io.mosaic.form.model.FieldModel;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RecordSchemaTest {

    private static final RecordSchema SCHEMA = RecordSchema.of("sample", Fixtures.text("every-field.form.json"));
    private static final JsonNode TREE = SCHEMA.node();

    @Test
    void coversEveryFieldTypeInItsFixture() {
        assertThat(SCHEMA.form().fields()).extracting(FieldModel::type)
                .containsAll(java.util.Arrays.asList(FieldType.values()));
    }

    @Test
    void isADraft202012ObjectThatRefusesUnknownMembers() {
        assertThat(TREE.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(TREE.path("type").asText()).isEqualTo("object");
        assertThat(TREE.path("additionalProperties").asBoolean(true)).isFalse();
        assertThat(TREE.at("/properties/lines/items/additionalProperties").asBoolean(true)).isFalse();
    }

    @Test
    void listsOnlyUnconditionallyRequiredFields() {
        List<String> required = new ArrayList<>();
        TREE.path("required").forEach(r -> required.add(r.asText()));

        // "reason" is required only while visible; "status" is read-only.
        assertThat(required).containsExactly("title", "lines");
        assertThat(TREE.at("/properties/lines/items/required").toString()).isEqualTo("[\"item\"]");
    }

    @Test
    void refusesEveryValueThePlatformSets() {
        for (String pointer : List.of("/properties/number", "/properties/total", "/properties/status",
                "/properties/lines/items/properties/line_amount")) {
            assertThat(TREE.at(pointer).isBoolean() && !TREE.at(pointer).asBoolean()).as(pointer).isTrue();
        }
    }

    @Test
    void describesEachTypeWithItsLimits() {
        assertThat(TREE.at("/properties/title").toString())
                .isEqualTo("{\"title\":\"Title\",\"type\":\"string\",\"minLength\":1,\"maxLength\":100}");
        assertThat(TREE.at("/properties/amount").toString()).isEqualTo("{\"title\":\"Amount\",\"type\":[\"number\",\"null\"],"
                + "\"minimum\":0,\"maximum\":1000000,\"multipleOf\":0.01}");
        assertThat(TREE.at("/properties/weight/maximum").decimalValue()).isEqualByComparingTo("999999999.999");
        assertThat(TREE.at("/properties/level/enum").toString()).isEqualTo("[\"a\",\"b\",null]");
        assertThat(TREE.at("/properties/tags/uniqueItems").asBoolean()).isTrue();
        assertThat(TREE.at("/properties/signed_on/format").asText()).isEqualTo("date");
        assertThat(TREE.at("/properties/visited_at/format").asText()).isEqualTo("date-time");
        assertThat(TREE.at("/properties/email/format").asText()).isEqualTo("email");
        assertThat(TREE.at("/properties/dealer/minimum").asInt()).isEqualTo(1);
        assertThat(TREE.at("/properties/lines/minItems").asInt()).isEqualTo(1);
        assertThat(TREE.at("/properties/lines/maxItems").asInt()).isEqualTo(3);
        assertThat(TREE.at("/properties/contract/maxItems").asInt()).isEqualTo(2);
        assertThat(TREE.at("/properties/contract/items/properties/size/maximum").asLong()).isEqualTo(1_048_576L);
        assertThat(TREE.at("/properties/contract/items/properties/name/pattern").asText()).isEqualTo("\\.([pP][dD][fF])$");
        assertThat(TREE.at("/properties/address/required").toString()).isEqualTo("[\"province\",\"city\"]");
        assertThat(TREE.at("/properties/story/maxLength").asInt()).isEqualTo(100_000);
    }

    @Test
    void servesTheSameSchemaItValidatesWith() throws IOException {
        // Compared as text trees: the generated one holds exact decimals, a parsed one may hold other number nodes.
        assertThat(Fixtures.JSON.readTree(SCHEMA.json())).isEqualTo(Fixtures.JSON.readTree(TREE.toString()));
        assertThat(SCHEMA.form().key()).isEqualTo("sample");
    }
}
