package io.mosaic.form.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.mosaic.form.model.FieldModel;
import io.mosaic.form.model.FormModel;
import io.mosaic.form.record.types.Decimals;

/** A number that passes record validation must fit its column exactly: never rounded, never too long. */
class NumberLimitsAgreeTest {

    private static final String FORM = """
            {"key": "prices", "name": {"zh-CN": "价格", "en": "Prices"}, "fields": [
              {"key": "plain", "type": "decimal", "label": {"zh-CN": "数", "en": "Number"}},
              {"key": "amount", "type": "money", "label": {"zh-CN": "金额", "en": "Amount"}},
              {"key": "rate", "type": "percent", "label": {"zh-CN": "比例", "en": "Rate"}},
              {"key": "exact", "type": "decimal", "scale": 6, "precision": 12, "label": {"zh-CN": "精确", "en": "Exact"}}
            ]}""";

    @Test
    void validationAndColumnsKeepTheSameDecimalPlacesForEveryNumberField() {
        FormModel form = FormModel.read("prices", FORM);
        Table table = TableModel.of("shop", FORM).table();

        for (FieldModel field : form.fields()) {
            ColumnType column = table.columns().stream().filter(c -> c.name().equals(field.key())).findFirst()
                    .orElseThrow().type();
            assertThat(column.scale()).as(field.key()).isEqualTo(Decimals.scale(field));
        }
    }
}
