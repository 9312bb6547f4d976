package io.mosaic.form.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mosaic.api.definition.DefinitionKinds;
import io.mosaic.api.definition.DefinitionProblem;
import io.mosaic.form.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FormKindTest {

    private final FormKind kind = new FormKind();

    @Test
    void acceptsEveryFieldType() throws IOException {
        String form = fixture("every-field-type.form.json");

        assertThat(kind.validate("sample", form)).isEmpty();
        List<String> used = new ArrayList<>();
        new ObjectMapper().readTree(form).path("fields").forEach(f -> used.add(f.path("type").asText()));
        assertThat(used).containsExactlyInAnyOrderElementsOf(Arrays.stream(FieldType.values()).map(FieldType::key).toList());
    }

    @Test
    void schemaListsExactlyTheFieldTypes() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/schemas/form.schema.json")) {
            List<String> inSchema = new ArrayList<>();
            new ObjectMapper().readTree(in).at("/$defs/fieldType/enum").forEach(t -> inSchema.add(t.asText()));
            assertThat(inSchema).containsExactlyElementsOf(Arrays.stream(FieldType.values()).map(FieldType::key).toList());
        }
    }

    @ParameterizedTest(name = "{0} is refused at {1}")
    @CsvSource({
            "duplicate-field-key.form.json, /fields/2/key",
            "duplicate-column-key.form.json, /fields/1/columns/1/key",
            "nested-subtable.form.json, /fields/1/columns/0/type",
            "serial-in-subtable.form.json, /fields/5/columns/2/type",
            "select-without-options.form.json, /fields/0/options",
            "lookup-without-display-field.form.json, /fields/0/lookup/displayField",
            "lookup-filter-unknown-operator.form.json, /fields/0/lookup/filter/0/op",
            "subtable-without-columns.form.json, /fields/0/columns",
            "formula-without-expression.form.json, /fields/0/expression",
            "serial-without-pattern.form.json, /fields/0/pattern",
            "serial-pattern-without-sequence.form.json, /fields/0/pattern",
            "serial-pattern-unknown-part.form.json, /fields/0/pattern",
            "unknown-field-type.form.json, /fields/1/type",
            "label-without-chinese.form.json, /fields/0/label/zh-CN",
            "duplicate-option-value.form.json, /fields/0/options/1/value",
            "options-on-text-field.form.json, /fields/0/options",
            "field-key-with-hyphen.form.json, /fields/0/key",
            "minimum-above-maximum.form.json, /fields/0/max",
            "title-field-in-subtable.form.json, /titleField",
            "scope-unknown-field.form.json, /scope/dealer",
            "scope-dealer-not-text.form.json, /scope/dealer",
            "no-fields.form.json, /fields",
            "condition-empty.form.json, /fields/0/visibleWhen",
            "formula-syntax-error.form.json, /fields/1/expression",
            "formula-unknown-field.form.json, /fields/1/expression",
            "formula-unknown-column-in-row.form.json, /fields/0/columns/2/expression",
            "formula-cycle.form.json, /fields/1/expression",
            "condition-unknown-field.form.json, /fields/1/visibleWhen",
            "condition-syntax-error.form.json, /fields/1/requiredWhen",
            "system-column-key.form.json, /fields/0/key",
            "subtable-system-column-key.form.json, /fields/5/columns/0/key",
            "unique-textarea.form.json, /fields/0/unique",
            "indexed-text-too-long.form.json, /fields/0/maxLength",
            "layout-unknown-field.form.json, /layout/sections/0/rows/0/1",
            "layout-field-twice.form.json, /layout/sections/1/rows/0/1",
            "layout-row-too-wide.form.json, /layout/sections/0/rows/0",
            "layout-duplicate-section-key.form.json, /layout/tabs/1/sections/0/key",
    })
    void refusesInvalidFormAtPointer(String fixture, String pointer) {
        List<DefinitionProblem> problems = kind.validate("sample", fixture(fixture));

        assertThat(problems).isNotEmpty();
        assertThat(problems).extracting(DefinitionProblem::pointer).containsOnly(pointer);
    }

    @Test
    void acceptsVisibilityAndRequiredConditions() {
        assertThat(kind.validate("sample", fixture("conditions.form.json"))).isEmpty();
    }

    @Test
    void acceptsSectionsOfMultiColumnRowsInTabs() {
        assertThat(kind.validate("sample", fixture("layout-tabs.form.json"))).isEmpty();
    }

    @Test
    void refusesASubtableColumnPlacedOnItsOwn() throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode form = (ObjectNode) json.readTree(fixture("layout-tabs.form.json"));
        ((ArrayNode) form.at("/layout/tabs/1/sections/0/rows/0")).add("quantity");

        assertThat(kind.validate("sample", json.writeValueAsString(form))).containsExactly(DefinitionProblem.at(
                "/layout/tabs/1/sections/0/rows/0/1", "'quantity' is not a field of this form outside its sub-tables"));
    }

    @Test
    void explainsADuplicateKeyWithTheFirstUse() {
        assertThat(kind.validate("sample", fixture("duplicate-field-key.form.json")))
                .containsExactly(DefinitionProblem.at("/fields/2/key",
                        "The field key 'title' is already used at /fields/0/key"));
    }

    @Test
    void namesTheSystemColumnAFieldKeyWouldHide() {
        assertThat(kind.validate("sample", fixture("system-column-key.form.json")))
                .singleElement().extracting(DefinitionProblem::message)
                .isEqualTo("The field key 'version' is the name of a system column; choose another key");
    }

    @Test
    void allowsSubtableColumnsNamedLikeFormSystemColumns() {
        String form = fixture("contract.form.json").replace("\"key\": \"item\"", "\"key\": \"owner_id\"");

        assertThat(kind.validate("contract", form)).isEmpty();
    }

    @Test
    void namesTheAllowedSerialParts() {
        assertThat(kind.validate("sample", fixture("serial-pattern-unknown-part.form.json")))
                .singleElement().extracting(DefinitionProblem::message).asString()
                .contains("'{user}'", "{seq:N}");
    }

    @Test
    void acceptsFormulasOverFieldsRowColumnsLookupsAndSubTables() {
        assertThat(kind.validate("sample", fixture("order-with-formulas.form.json"))).isEmpty();
    }

    @Test
    void locatesAFormulaSyntaxErrorByCharacter() {
        assertThat(kind.validate("sample", fixture("formula-syntax-error.form.json")))
                .singleElement().extracting(DefinitionProblem::message)
                .isEqualTo("The formula does not parse: Expected ')' but found the end of the formula (at character 19)");
    }

    @Test
    void namesEveryFieldAFormulaReadsThatTheFormLacks() {
        assertThat(kind.validate("sample", fixture("formula-unknown-field.form.json")))
                .extracting(DefinitionProblem::message)
                .containsExactly("The formula reads 'lines.cost', but the sub-table 'lines' has no column 'cost'",
                        "The formula reads 'shipping', which is not a field of this form");
    }

    @Test
    void namesTheFormulasThatDependOnEachOther() {
        assertThat(kind.validate("sample", fixture("formula-cycle.form.json")))
                .containsExactly(DefinitionProblem.at("/fields/1/expression",
                        "The formulas total → tax → total depend on each other"));
    }

    @Test
    void checksADefaultFormulaLikeAFormulaAndOnlyOnFieldsItCanFill() throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode form = (ObjectNode) json.readTree(fixture("formula-unknown-field.form.json"));
        ((ObjectNode) form.at("/fields/1")).put("expression", "SUM(lines.amount)");
        ((ObjectNode) form.at("/fields/0/columns/1")).put("defaultExpression", "LOOKUP(\"price_list\", \"price\", "
                + "\"product\", quantity)");
        assertThat(kind.validate("sample", json.writeValueAsString(form))).isEmpty();

        ((ObjectNode) form.at("/fields/0/columns/1")).put("defaultExpression", "amount / quantity");
        assertThat(kind.validate("sample", json.writeValueAsString(form)))
                .containsExactly(DefinitionProblem.at("/fields/0/columns/1/defaultExpression",
                        "The formulas lines.price → lines.amount → lines.price depend on each other"));

        ((ObjectNode) form.at("/fields/0/columns/1")).put("defaultExpression", "cost * 2");
        ((ObjectNode) form.at("/fields/0")).put("defaultExpression", "1");
        assertThat(kind.validate("sample", json.writeValueAsString(form))).containsExactly(
                DefinitionProblem.at("/fields/0/defaultExpression",
                        "A default formula gives a number, text or date field its value, not a subtable field"),
                DefinitionProblem.at("/fields/0/columns/1/defaultExpression",
                        "The formula reads 'cost', which is not a field of this form"));
    }

    @Test
    void findsALoopBetweenARowFormulaAndATotal() throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode form = (ObjectNode) json.readTree(fixture("formula-unknown-field.form.json"));
        ((ObjectNode) form.at("/fields/0/columns/2")).put("expression", "quantity * price / total");
        ((ObjectNode) form.at("/fields/1")).put("expression", "SUM(lines.amount)");

        assertThat(kind.validate("sample", json.writeValueAsString(form)))
                .containsExactly(DefinitionProblem.at("/fields/0/columns/2/expression",
                        "The formulas lines.amount → total → lines.amount depend on each other"));
    }

    @ParameterizedTest(name = "{0} is refused: {1}")
    @CsvSource(delimiter = '|', value = {
            "title & lines | The formula reads the sub-table 'lines' as a whole; name a column, e.g. SUM(lines.item)",
            "title.length | The formula reads 'title.length', but 'title' is neither a lookup nor a sub-table, so it has no fields",
            "dealer.region.name | The formula reads 'dealer.region.name', which is not a field of this form",
            "total + 1 | The formula reads its own field 'total'",
            "SUM(lines.price) | The formula reads 'lines.price', but the sub-table 'lines' has no column 'price'",
            "java.lang.Runtime.getRuntime() | The formula does not parse: 'java.lang.Runtime.getRuntime' is a field, not a function: only the built-in functions can be called (at character 1)",
    })
    void refusesFormulaReferencesOutsideTheForm(String expression, String message) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode form = (ObjectNode) json.readTree(fixture("every-field-type.form.json"));
        ArrayNode fields = form.withArray("fields");
        int total = 0;
        while (!fields.get(total).path("key").asText().equals("total")) total++;
        ((ObjectNode) fields.get(total)).put("expression", expression);

        assertThat(kind.validate("sample", json.writeValueAsString(form)))
                .containsExactly(DefinitionProblem.at("/fields/" + total + "/expression", message));
    }

    @ParameterizedTest(name = "{0} may replace the published version")
    @ValueSource(strings = {"contract-widened.form.json", "contract-amount-removed.form.json", "contract.form.json"})
    void allowsUpgradesThatKeepEveryValue(String fixture) {
        assertThat(kind.validate("contract", fixture(fixture))).isEmpty();
        assertThat(kind.checkUpgrade("contract", fixture("contract.form.json"), fixture(fixture))).isEmpty();
    }

    @ParameterizedTest(name = "{0} is refused at {1}")
    @CsvSource({
            "contract-name-retyped-integer.form.json, /fields/0/type",
            "contract-amount-narrowed-integer.form.json, /fields/2/type",
            "contract-reference-retyped-date.form.json, /fields/3/type",
            "contract-line-quantity-narrowed.form.json, /fields/5/columns/1/type",
            "contract-customer-lookup-moved.form.json, /fields/4/lookup/form",
            "contract-amount-formula-text.form.json, /fields/2/type",
    })
    void refusesUpgradesThatLoseValues(String fixture, String pointer) {
        assertThat(kind.validate("contract", fixture(fixture))).isEmpty();

        assertThat(kind.checkUpgrade("contract", fixture("contract.form.json"), fixture(fixture)))
                .extracting(DefinitionProblem::pointer).containsExactly(pointer);
    }

    @Test
    void namesTheFieldAndBothTypesOfALossyChange() {
        assertThat(kind.checkUpgrade("contract", fixture("contract.form.json"),
                fixture("contract-amount-narrowed-integer.form.json")))
                .singleElement().extracting(DefinitionProblem::message)
                .isEqualTo("The field 'amount' cannot change from decimal to integer: its stored values would not survive");
    }

    @Test
    void isRegisteredForServiceLoading() {
        assertThat(DefinitionKinds.load().forFileName("order.form.json")).containsInstanceOf(FormKind.class);
    }

    private static String fixture(String name) {
        return Fixtures.read("/form/" + name);
    }
}
