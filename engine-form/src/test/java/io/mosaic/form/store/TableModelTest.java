package io.mosaic.form.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mosaic.form.support.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class TableModelTest {

    @Test
    void choosesAColumnTypeForEveryFieldType() {
        TableModel model = TableModel.of("demo", Fixtures.read("/form/every-field-type.form.json"));

        Map<String, String> fields = new LinkedHashMap<>();
        model.table().columns().stream().filter(c -> !c.isSystem()).forEach(c -> fields.put(c.name(), c.type().sql()));
        assertThat(fields).containsExactly(
                Map.entry("title", "VARCHAR(100)"), Map.entry("notes", "LONGTEXT"), Map.entry("quantity", "BIGINT"),
                Map.entry("weight", "DECIMAL(12,3)"), Map.entry("price", "DECIMAL(18,2)"),
                Map.entry("discount", "DECIMAL(18,4)"), Map.entry("signed_on", "DATE"),
                Map.entry("visited_at", "DATETIME(3)"), Map.entry("opens_at", "TIME"), Map.entry("level", "VARCHAR(255)"),
                Map.entry("tags", "LONGTEXT"), Map.entry("channel", "VARCHAR(255)"), Map.entry("services", "LONGTEXT"),
                Map.entry("active", "BOOLEAN"), Map.entry("email", "VARCHAR(255)"), Map.entry("phone", "VARCHAR(255)"),
                Map.entry("website", "VARCHAR(255)"), Map.entry("owner", "BIGINT"), Map.entry("department", "BIGINT"),
                Map.entry("dealer", "BIGINT"), Map.entry("contract", "LONGTEXT"), Map.entry("photo", "LONGTEXT"),
                Map.entry("number", "VARCHAR(255)"), Map.entry("total", "DECIMAL(18,4)"), Map.entry("address", "LONGTEXT"),
                Map.entry("story", "LONGTEXT"));
        assertThat(model.children()).singleElement().satisfies(lines -> {
            assertThat(lines.name()).isEqualTo("f_demo_sample__lines");
            assertThat(lines.columns()).extracting(Column::name).containsExactly("id", "parent_id", "row_order", "item", "amount");
        });
    }

    @Test
    void storesAFormulaByItsResultType() {
        String form = SchemaSyncPlanTest.order(f -> f.withArray("fields").addObject().put("key", "label_text")
                .put("type", "formula").put("expression", "CONCAT(number, note)").put("resultType", "text")
                .putObject("label").put("zh-CN", "标签").put("en", "Label"));

        assertThat(TableModel.of("shop", form).table().columns()).last()
                .isEqualTo(new Column("label_text", ColumnType.varchar(255), "/fields/6"));
    }

    @Test
    void indexesFieldsMarkedIndexedInFormAndChildTablesTheFormTableOnesForListsOfLiveRecordsNewestFirst() {
        String form = SchemaSyncPlanTest.order(f -> {
            SchemaSyncPlanTest.field(f, 2).put("indexed", true);
            ((ObjectNode) SchemaSyncPlanTest.field(f, 5).withArray("columns").get(0))
                    .put("indexed", true).put("unique", true);
        });

        TableModel model = TableModel.of("shop", form);

        assertThat(model.table().indexes()).contains(new Index("ix$f_shop_order$order_date", false,
                List.of("order_date", "deleted_at", "id")));
        assertThat(model.children().get(0).indexes()).extracting(Index::name, Index::unique, Index::columns)
                .contains(tuple("ix$f_shop_order__lines$item", false, List.of("item")));
    }
}
