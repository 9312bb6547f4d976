package io.mosaic.form.model;

import io.mosaic.api.definition.InvalidDefinitionException;
import io.mosaic.api.definition.LocalizedText;
import io.mosaic.form.api.FieldType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FormModelTest {

    private static final FormModel EVERY = FormModel.read("sample", fixture("/form/every-field-type.form.json"));
    private static final FormModel RECORD = FormModel.read("sample", fixture("/record/every-field.form.json"));

    @Test
    void readsEveryFieldTypeInDefinitionOrder() {
        assertThat(EVERY.key()).isEqualTo("sample");
        assertThat(EVERY.name()).isEqualTo(new LocalizedText("全部字段", "Every field type"));
        assertThat(EVERY.titleField()).isEqualTo("title");
        assertThat(EVERY.fields()).extracting(FieldModel::type).containsExactly(FieldType.values());
    }

    @Test
    void readsLimitsAsWrittenAndLeavesTheRestUnset() {
        FieldModel amount = RECORD.field("amount").orElseThrow();

        assertThat(amount.label()).isEqualTo(new LocalizedText("金额", "Amount"));
        assertThat(amount.min()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(amount.max()).isEqualByComparingTo(new BigDecimal("1000000"));
        assertThat(amount.scale()).isEqualTo(2);
        assertThat(amount.currency()).isEqualTo("CNY");
        assertThat(amount.precision()).isNull();
        assertThat(amount.maxLength()).isNull();
        assertThat(amount.required()).isFalse();
    }

    @Test
    void readsSubTableColumnsOptionsLookupsFilesAndConditions() {
        FieldModel lines = RECORD.field("lines").orElseThrow();
        assertThat(lines.minRows()).isEqualTo(1);
        assertThat(lines.maxRows()).isEqualTo(3);
        assertThat(lines.columns()).extracting(FieldModel::key)
                .containsExactly("item", "quantity", "price", "line_amount", "gift_note");
        assertThat(lines.column("gift_note").orElseThrow().requiredWhen()).isEqualTo("price = 0");
        assertThat(lines.column("nothing")).isEmpty();

        assertThat(RECORD.field("level").orElseThrow().optionValues()).containsExactly("a", "b");
        assertThat(RECORD.field("dealer").orElseThrow()).extracting(FieldModel::lookupForm, FieldModel::lookupDisplayField)
                .containsExactly("dealer", "name");
        assertThat(EVERY.field("dealer").orElseThrow().lookupFilter())
                .containsExactly(new FieldModel.LookupFilter("status", "eq", "active"));
        assertThat(RECORD.field("dealer").orElseThrow().lookupFilter()).isEmpty();
        assertThat(RECORD.field("contract").orElseThrow()).extracting(FieldModel::maxFiles, FieldModel::maxSizeMb,
                FieldModel::accept).containsExactly(2, 1, List.of(".pdf"));
        assertThat(RECORD.field("reason").orElseThrow().visibleWhen()).isEqualTo("level = \"b\"");
        assertThat(RECORD.field("address").orElseThrow().regionLevel()).isEqualTo("city");
        assertThat(RECORD.field("total").orElseThrow().resultType()).isEqualTo(FieldType.FormulaResult.NUMBER);
    }

    @Test
    void marksValuesThePlatformSets() {
        assertThat(RECORD.fields()).filteredOn(FieldModel::systemSet).extracting(FieldModel::key)
                .containsExactly("number", "total", "status");
        assertThat(RECORD.field("lines").orElseThrow().column("line_amount").orElseThrow().systemSet()).isTrue();
    }

    @Test
    void isImmutable() {
        assertThatThrownBy(() -> RECORD.fields().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> RECORD.field("lines").orElseThrow().columns().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void refusesAnInvalidDefinitionWithEveryProblem() {
        assertThatThrownBy(() -> FormModel.read("sample", fixture("/form/duplicate-field-key.form.json")))
                .isInstanceOf(InvalidDefinitionException.class)
                .satisfies(e -> assertThat(((InvalidDefinitionException) e).problems())
                        .extracting(p -> p.pointer()).containsExactly("/fields/2/key"));
        assertThatThrownBy(() -> FormModel.read("other", fixture("/form/contract.form.json")))
                .isInstanceOf(InvalidDefinitionException.class).hasMessageContaining("/key");
        assertThatThrownBy(() -> FormModel.read("sample", "{"))
                .isInstanceOf(InvalidDefinitionException.class);
    }

    private static String fixture(String path) {
        try (InputStream in = FormModelTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
