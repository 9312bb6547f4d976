package io.mosaic.form.record.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mosaic.form.api.FieldType;
import io.mosaic.form.model.FieldModel;
import io.mosaic.form.model.FormModel;

/** Every field type has exactly one descriptor class, named in both languages and placed in the palette. */
class FieldTypesTest {

    @Test
    void registersOneDescriptorClassPerFieldType() {
        assertThat(FieldTypes.all()).extracting(FieldTypeDescriptor::type)
                .containsExactlyInAnyOrder(FieldType.values());
        assertThat(FieldTypes.all()).extracting(d -> d.getClass().getSimpleName()).doesNotHaveDuplicates();
        Arrays.stream(FieldType.values()).forEach(type -> assertThat(FieldTypes.of(type).type()).isEqualTo(type));
    }

    @Test
    void namesEveryTypeInChineseAndEnglish() {
        for (FieldTypeDescriptor descriptor : FieldTypes.all()) {
            assertThat(descriptor.name().zhCN()).isNotBlank().doesNotContainPattern("[A-Za-z]{3}");
            assertThat(descriptor.name().en()).isNotBlank();
            assertThat(descriptor.category()).isNotNull();
        }
    }

    @Test
    void onlySerialAndFormulaAreSetByThePlatformAndDescribeNoValue() {
        assertThat(FieldTypes.all()).filteredOn(FieldTypeDescriptor::platformSet).extracting(FieldTypeDescriptor::type)
                .containsExactlyInAnyOrder(FieldType.SERIAL, FieldType.FORMULA);
        FieldModel total = FormModel.read("f", """
                {"key": "f", "name": {"zh-CN": "表", "en": "F"}, "fields": [{"key": "total", "type": "formula",
                 "label": {"zh-CN": "合计", "en": "Total"}, "expression": "1"}]}""").fields().get(0);
        ValueSchema schema = new ValueSchema(JsonNodeFactory.instance.objectNode(), (node, columns) -> { });
        assertThatThrownBy(() -> FieldTypes.of(FieldType.FORMULA).describe(schema, total, false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMoneyFieldTakesTwoDecimalsAndAPhoneFieldItsPattern() {
        FormModel form = FormModel.read("f", """
                {"key": "f", "name": {"zh-CN": "表", "en": "F"}, "fields": [
                  {"key": "price", "type": "money", "label": {"zh-CN": "价", "en": "Price"}},
                  {"key": "tel", "type": "phone", "label": {"zh-CN": "电话", "en": "Phone"}}]}""");
        ObjectNode price = describe(form.fields().get(0), true);
        assertThat(price.path("type").asText()).isEqualTo("number");
        assertThat(price.path("multipleOf").decimalValue()).isEqualByComparingTo("0.01");
        ObjectNode phone = describe(form.fields().get(1), false);
        assertThat(phone.path("type")).hasSize(2);
        assertThat(phone.path("pattern").asText()).isEqualTo(PhoneType.PATTERN);
    }

    private static ObjectNode describe(FieldModel field, boolean required) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        FieldTypes.of(field.type()).describe(new ValueSchema(node, (n, columns) -> { }), field, required);
        return node;
    }
}
