package io.mosaic.form.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mosaic.api.definition.DefinitionProblem;
import io.mosaic.api.definition.InvalidDefinitionException;
import io.mosaic.form.support.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Plans computed from definitions alone, as a template pack's dry run does. */
class SchemaSyncPlanTest {

    static final String ORDER = Fixtures.read("/store/order.form.json");

    /** Number widened to 200 characters, quantity to money, date to datetime; a field and a line column added. */
    static final String ORDER_V2 = order(form -> {
        field(form, 0).put("maxLength", 200);
        field(form, 1).put("type", "money");
        field(form, 2).put("type", "datetime");
        form.withArray("fields").addObject().put("key", "remark").put("type", "textarea")
                .set("label", label("说明", "Remark"));
        ((ObjectNode) field(form, 5).withArray("columns").addObject().put("key", "qty").put("type", "integer"))
                .set("label", label("数量", "Qty"));
    });

    @Test
    void createsTheFormTableAndChildTablesWithTheirIndexesOnFirstPublication() {
        SyncPlan plan = SchemaSync.plan("shop", null, ORDER);

        assertThat(plan.problems()).isEmpty();
        assertThat(plan.steps()).extracting(DdlStep::description).containsExactly(
                "create table f_shop_order with 18 columns",
                "add index ix$f_shop_order$owner_id on f_shop_order (owner_id)",
                "add index ix$f_shop_order$org_id on f_shop_order (org_id)",
                "add index ix$f_shop_order$dealer_id on f_shop_order (dealer_id)",
                "add unique index ux$f_shop_order$number on f_shop_order (number)",
                "add index ix$f_shop_order$customer on f_shop_order (customer, deleted_at, id)",
                "create table f_shop_order__lines with 5 columns",
                "add index ix$f_shop_order__lines$parent_id on f_shop_order__lines (parent_id, row_order)",
                "create table f_shop_order$h with 7 columns",
                "add index ix$f_shop_order$h$record_id on f_shop_order$h (record_id, id)",
                "create table f_shop_order$seq with 4 columns",
                "add unique index ux$f_shop_order$seq$field on f_shop_order$seq (field, period_key)");
        assertThat(plan.statements()).contains(
                "CREATE TABLE IF NOT EXISTS `f_shop_order__lines` (`id` BIGINT AUTO_INCREMENT NOT NULL, "
                        + "`parent_id` BIGINT, `row_order` INT, `item` VARCHAR(40), `amount` DECIMAL(18,2), "
                        + "PRIMARY KEY (`id`)) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci",
                "CREATE UNIQUE INDEX `ux$f_shop_order$number` ON `f_shop_order` (`number`)");
    }

    @Test
    void addsAndWidensColumnsForANewVersion() {
        SyncPlan plan = SchemaSync.plan("shop", ORDER, ORDER_V2);

        assertThat(plan.steps()).extracting(DdlStep::description).containsExactly(
                "widen column f_shop_order.number from VARCHAR(50) to VARCHAR(200)",
                "widen column f_shop_order.quantity from BIGINT to DECIMAL(21,2)",
                "widen column f_shop_order.order_date from DATE to DATETIME(3)",
                "add column f_shop_order.remark LONGTEXT",
                "add column f_shop_order__lines.qty BIGINT");
        assertThat(plan.statements()).contains("ALTER TABLE `f_shop_order` MODIFY COLUMN `quantity` DECIMAL(21,2)");
    }

    @Test
    void refusesALossyChangeNamingTheFieldAndPlansNothing() {
        SyncPlan plan = SchemaSync.plan("shop", ORDER, order(form -> field(form, 1).put("type", "date")));

        assertThat(plan.isRefused()).isTrue();
        assertThat(plan.steps()).isEmpty();
        assertThat(plan.problems()).containsExactly(DefinitionProblem.at("/fields/1/type",
                "The field 'quantity' cannot change from integer to date: its stored values would not survive"));
    }

    @Test
    void keepsTheColumnOfARemovedField() {
        SyncPlan plan = SchemaSync.plan("shop", ORDER, order(form -> form.withArray("fields").remove(4)));

        assertThat(plan.isEmpty()).isTrue();
    }

    @Test
    void keepsAWiderColumnWhenAFieldIsNarrowed() {
        assertThat(SchemaSync.plan("shop", ORDER, order(form -> field(form, 0).put("maxLength", 10))).isEmpty()).isTrue();
        assertThat(SchemaSync.plan("shop", ORDER_V2, Fixtures.edit(ORDER_V2, form -> field(form, 1).put("type", "integer")))
                .problems()).extracting(DefinitionProblem::pointer).containsExactly("/fields/1/type");
    }

    @Test
    void dropsOnlyTheUniqueIndexOfAFieldThatIsNoLongerUnique() {
        SyncPlan plan = SchemaSync.plan("shop", ORDER, order(form -> field(form, 0).put("unique", false).put("indexed", true)));

        assertThat(plan.steps()).extracting(DdlStep::description).containsExactly(
                "drop index ux$f_shop_order$number on f_shop_order",
                "add index ix$f_shop_order$number on f_shop_order (number, deleted_at, id)");
    }

    @Test
    void refusesAnInvalidDefinitionWithItsProblems() {
        String invalid = order(form -> field(form, 0).put("key", "Number; DROP TABLE x"));

        assertThatThrownBy(() -> SchemaSync.plan("shop", ORDER, invalid))
                .isInstanceOfSatisfying(InvalidDefinitionException.class, e -> assertThat(e.problems())
                        .extracting(DefinitionProblem::pointer).contains("/fields/0/key"));
        assertThatThrownBy(() -> SchemaSync.plan("shop", null, "{not json"))
                .isInstanceOf(InvalidDefinitionException.class);
    }

    static String order(Consumer<ObjectNode> change) {
        return Fixtures.edit(ORDER, change);
    }

    static ObjectNode field(ObjectNode form, int index) {
        return (ObjectNode) form.withArray("fields").get(index);
    }

    private static ObjectNode label(String zh, String en) {
        ObjectNode label = new ObjectMapper().createObjectNode();
        return label.put("zh-CN", zh).put("en", en);
    }
}
