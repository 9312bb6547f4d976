package io.mosaic.form.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mosaic.form.record.RecordError;
import io.mosaic.form.record.RecordSchema;
import io.mosaic.form.record.RecordValidator;
import io.mosaic.form.support.Fixtures;
import io.mosaic.form.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

/** Formula values computed by {@link RecordStore} on create and update: H2, or MariaDB with {@code -Pmariadb}. */
class FormulaValuesTest {

    private static final String INVOICE = Fixtures.read("/store/invoice.form.json");
    private static final Actor ALICE = new Actor(7, 70L, "D-1");
    private static final Locale EN = Locale.ENGLISH;

    private TestDatabase database;

    @BeforeEach
    void createTables() throws SQLException {
        database = TestDatabase.fresh("formulas");
        SchemaSync.apply("shop", null, INVOICE, database.connection());
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        database.close();
    }

    @Test
    void computesLineAmountsAndTheTotalOnCreate() throws SQLException {
        RecordStore store = store(LookupResolver.NONE);

        long id = store.create("""
                {"discount": 0.1, "lines": [{"quantity": 3, "price": 10}, {"quantity": 2, "price": 2.5}]}""", ALICE, EN);

        ObjectNode record = store.read(id).orElseThrow();
        assertThat(record.get("lines")).extracting(row -> row.get("amount").decimalValue())
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("27"), new BigDecimal("4.5"));
        assertThat(record.get("total").decimalValue()).isEqualByComparingTo("31.5");
        assertThat(record.get("region").isNull()).isTrue();
    }

    @Test
    void storesNumbersRoundedToTheFieldsScale() throws SQLException {
        RecordStore store = store(LookupResolver.NONE);

        long id = store.create("{\"lines\": [{\"quantity\": 3, \"price\": 10}, {\"quantity\": 4, \"price\": 0}]}", ALICE, EN);

        // net = 30 / 3 is exact, per_unit = 30 / 7 = 4.285714… is kept at scale 4, rounded half up
        assertThat(column("net", id)).isEqualTo("10.00");
        assertThat(column("per_unit", id)).isEqualTo("4.2857");
        assertThat(column("total", id)).isEqualTo("30.00");
    }

    @Test
    void recomputesEveryFormulaOnUpdateAndRecordsTheChangeInHistory() throws SQLException {
        RecordStore store = store(LookupResolver.NONE);
        long id = store.create("{\"lines\": [{\"quantity\": 3, \"price\": 10}]}", ALICE, EN);

        store.update(id, 1, "{\"discount\": 0.5}", ALICE, EN);

        ObjectNode record = store.read(id).orElseThrow();
        assertThat(record.get("lines").get(0).get("amount").decimalValue()).isEqualByComparingTo("15");
        assertThat(record.get("total").decimalValue()).isEqualByComparingTo("15");
        assertThat(record.get("net").decimalValue()).isEqualByComparingTo("5");
        assertThat(store.history(id)).extracting(FieldChange::field)
                .containsExactlyInAnyOrder("discount", "lines", "net", "total", "per_unit");
    }

    @Test
    void refusesARecordWhoseFormulaCannotBeComputedAndWritesNothing() throws SQLException {
        RecordStore store = store(LookupResolver.NONE);

        assertThatThrownBy(() -> store.create("{\"lines\": [{\"quantity\": 0, \"price\": 10}]}", ALICE, EN))
                .isInstanceOfSatisfying(InvalidRecordException.class, e -> assertThat(e.errors())
                        .extracting(RecordError::pointer, RecordError::code, RecordError::message)
                        .containsExactly(tuple("/per_unit", "formula", "Per unit cannot be computed: division_by_zero")));

        assertThat(count()).isZero();
    }

    @Test
    void refusesAnUpdateThatMakesAFormulaFail() throws SQLException {
        RecordStore store = store(LookupResolver.NONE);
        long id = store.create("{\"lines\": [{\"quantity\": 1, \"price\": 10}]}", ALICE, EN);

        assertThatThrownBy(() -> store.update(id, 1, "{\"lines\": [{\"quantity\": 0, \"price\": 10}]}", ALICE, EN))
                .isInstanceOfSatisfying(InvalidRecordException.class, e -> assertThat(e.errors())
                        .extracting(RecordError::code).containsExactly("formula"));

        assertThat(store.read(id).orElseThrow().get("total").decimalValue()).isEqualByComparingTo("10");
    }

    @Test
    void readsLookupTargetsThroughTheResolver() throws SQLException {
        RecordStore store = store((form, id, field) -> form.equals("customer") && id == 42 && field.equals("region")
                ? "East" : null);

        long id = store.create("{\"customer\": 42, \"lines\": [{\"quantity\": 1, \"price\": 1}]}", ALICE, EN);

        assertThat(store.read(id).orElseThrow().get("region").asText()).isEqualTo("East");
    }

    @Test
    void eachSaveReadsItsLookupsThroughAResolverOfItsOwnSoAChangedTargetIsReadAnew() throws SQLException {
        java.util.concurrent.atomic.AtomicReference<String> region = new java.util.concurrent.atomic.AtomicReference<>("East");
        RecordStore store = store(new LookupResolver() {
            @Override
            public Object value(String form, long id, String field) {
                throw new AssertionError("a lookup read outside one computation's resolver");
            }

            @Override
            public LookupResolver forOneComputation() {
                String seen = region.get();
                return (form, id, field) -> seen;
            }
        });

        long id = store.create("{\"customer\": 42, \"lines\": [{\"quantity\": 1, \"price\": 1}]}", ALICE, EN);
        region.set("North");
        store.update(id, 1, "{\"lines\": [{\"quantity\": 2, \"price\": 1}]}", ALICE, EN);

        assertThat(store.read(id).orElseThrow().get("region").asText()).isEqualTo("North");
    }

    @Test
    void refusesAResultOfAnotherTypeAndAFailingRowFormulaAtTheirOwnPointers() throws SQLException {
        String check = """
                {"key": "check", "name": {"zh-CN": "Check", "en": "Check"},
                 "fields": [
                   {"key": "note", "type": "text", "label": {"zh-CN": "Note", "en": "Note"}},
                   {"key": "due", "type": "formula", "label": {"zh-CN": "Due", "en": "Due"}, "expression": "note", "resultType": "date"},
                   {"key": "lines", "type": "subtable", "label": {"zh-CN": "Lines", "en": "Lines"}, "columns": [
                     {"key": "qty", "type": "integer", "label": {"zh-CN": "Qty", "en": "Qty"}},
                     {"key": "share", "type": "formula", "label": {"zh-CN": "Share", "en": "Share"}, "expression": "100 / qty",
                      "resultType": "number"}]}]}""";
        SchemaSync.apply("shop", null, check, database.connection());
        RecordStore store = new RecordStore(database.dataSource(), "shop", 1,
                RecordValidator.compile(RecordSchema.of("check", check), null), Clock.systemUTC());

        assertThatThrownBy(() -> store.create("{\"note\": \"soon\", \"lines\": [{\"qty\": 4}, {\"qty\": 0}]}", ALICE, EN))
                .isInstanceOfSatisfying(InvalidRecordException.class, e -> assertThat(e.errors())
                        .extracting(RecordError::pointer, RecordError::code, RecordError::message)
                        .containsExactlyInAnyOrder(
                                tuple("/due", "formula", "Due cannot be computed: type"),
                                tuple("/lines/1/share", "formula", "Share cannot be computed: division_by_zero")));
        long id = store.create("{\"note\": \"2026-12-01\", \"lines\": [{\"qty\": 4}]}", ALICE, EN);

        ObjectNode record = store.read(id).orElseThrow();
        assertThat(record.get("due").asText()).isEqualTo("2026-12-01");
        assertThat(record.get("lines").get(0).get("share").decimalValue()).isEqualByComparingTo("25");
    }

    /** An order line priced from a price list by the customer's tier, else from the product's list price. */
    private static final String PRICED = """
            {"key": "priced", "name": {"zh-CN": "Priced", "en": "Priced"},
             "fields": [
               {"key": "customer", "type": "lookup", "label": {"zh-CN": "C", "en": "Customer"},
                "lookup": {"form": "customer", "displayField": "name"}},
               {"key": "lines", "type": "subtable", "label": {"zh-CN": "L", "en": "Lines"}, "columns": [
                 {"key": "product", "type": "integer", "label": {"zh-CN": "P", "en": "Product"}},
                 {"key": "quantity", "type": "integer", "label": {"zh-CN": "Q", "en": "Quantity"}},
                 {"key": "price", "type": "money", "label": {"zh-CN": "Price", "en": "Price"}, "required": true, "min": 0,
                  "defaultExpression": "list_price"},
                 {"key": "amount", "type": "formula", "label": {"zh-CN": "A", "en": "Amount"},
                  "expression": "quantity * price", "resultType": "number", "scale": 2},
                 {"key": "list_price", "type": "formula", "label": {"zh-CN": "LP", "en": "List price"}, "resultType": "number",
                  "expression": "LOOKUP(\\"price_list\\", \\"price\\", \\"tier\\", customer.tier, \\"product\\", product)"}]},
               {"key": "total", "type": "formula", "label": {"zh-CN": "T", "en": "Total"},
                "expression": "SUM(lines.amount)", "resultType": "number", "scale": 2}]}""";

    /** Tier A pays 8 for product 1, nothing else is listed; counts what the store asks. */
    private final java.util.List<java.util.Map<String, Object>> asked = new java.util.ArrayList<>();
    private final LookupResolver priceList = new LookupResolver() {
        @Override
        public Object value(String form, long id, String field) {
            return form.equals("customer") && field.equals("tier") ? "A" : null;
        }

        @Override
        public Object match(String form, String field, java.util.Map<String, Object> keys) {
            asked.add(keys);
            return form.equals("price_list") && field.equals("price") && keys.get("tier").equals("A")
                    && ((BigDecimal) keys.get("product")).intValue() == 1 ? new BigDecimal("8") : null;
        }
    };

    @Test
    void aBlankPriceTakesItsDefaultFormulaAndAGivenOneIsKept() throws SQLException {
        RecordStore store = pricedStore();

        long id = store.create("""
                {"customer": 5, "lines": [{"product": 1, "quantity": 2}, {"product": 1, "quantity": 1, "price": 6.5},
                                          {"product": 1, "quantity": 1, "price": null}]}""", ALICE, EN);

        ObjectNode record = store.read(id).orElseThrow();
        assertThat(record.get("lines")).extracting(row -> row.get("price").decimalValue())
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("8"), new BigDecimal("6.5"), new BigDecimal("8"));
        assertThat(record.get("total").decimalValue()).isEqualByComparingTo("30.5");
        assertThat(asked).as("three lines of one product at one tier ask the price list once").hasSize(1);

        store.update(id, 1, "{\"lines\": [{\"product\": 1, \"quantity\": 1, \"price\": 7}]}", ALICE, EN);
        assertThat(store.read(id).orElseThrow().get("total").decimalValue()).isEqualByComparingTo("7");
    }

    @Test
    void aRequiredFieldWhoseDefaultIsBlankTooIsRefusedAsRequired() throws SQLException {
        RecordStore store = pricedStore();

        assertThatThrownBy(() -> store.create("{\"customer\": 5, \"lines\": [{\"product\": 2, \"quantity\": 1}]}",
                ALICE, EN)).isInstanceOfSatisfying(InvalidRecordException.class, e -> assertThat(e.errors())
                        .extracting(RecordError::pointer, RecordError::code)
                        .containsExactly(tuple("/lines/0/price", "required")));
    }

    private RecordStore pricedStore() throws SQLException {
        SchemaSync.apply("shop", null, PRICED, database.connection());
        return new RecordStore(database.dataSource(), "shop", 1,
                RecordValidator.compile(RecordSchema.of("priced", PRICED), null), Clock.systemUTC(), priceList);
    }

    @Test
    void aPreviewComputesTheFormulasOfAHalfFilledRecordThroughItsLookupsAndStoresNothing() throws SQLException {
        RecordStore store = store((form, id, field) -> form.equals("customer") && id == 42 && field.equals("region")
                ? "East" : null);

        ObjectNode preview = store.preview("""
                {"customer": 42, "lines": [{"quantity": 3, "price": 10}, {"quantity": 0}]}""", EN).orElseThrow();

        assertThat(preview.get("region").asText()).isEqualTo("East");
        assertThat(preview.at("/lines/0/amount").decimalValue()).isEqualByComparingTo("30");
        assertThat(preview.get("total").decimalValue()).isEqualByComparingTo("30");
        // 30 / 3 units: the line without a price counts no amount, and no formula failed.
        assertThat(preview.get("per_unit").decimalValue()).isEqualByComparingTo("10");
        assertThat(count()).isZero();

        // A formula that cannot be computed yet is blank; the others are still there.
        ObjectNode failing = store.preview("{\"lines\": [{\"quantity\": 0, \"price\": 10}]}", EN).orElseThrow();
        assertThat(failing.get("per_unit").isNull()).isTrue();
        assertThat(failing.get("total").decimalValue()).isEqualByComparingTo("0");
        // A value of the wrong type: the formulas cannot read it.
        assertThat(store.preview("{\"customer\": 42, \"discount\": \"much\"}", EN)).isEmpty();
        assertThatThrownBy(() -> store.preview("[1]", EN)).isInstanceOf(InvalidRecordException.class);
    }

    private RecordStore store(LookupResolver lookups) throws SQLException {
        RecordValidator validator = RecordValidator.compile(RecordSchema.of("invoice", INVOICE), null);
        return new RecordStore(database.dataSource(), "shop", 1, validator,
                Clock.fixed(Instant.parse("2026-11-24T08:00:00Z"), ZoneOffset.UTC), lookups);
    }

    private String column(String name, long id) throws SQLException {
        try (Statement s = database.connection().createStatement();
             ResultSet rs = s.executeQuery("SELECT `" + name + "` FROM `f_shop_invoice` WHERE `id` = " + id)) {
            rs.next();
            return rs.getBigDecimal(1).toPlainString();
        }
    }

    private long count() throws SQLException {
        try (Statement s = database.connection().createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM `f_shop_invoice`")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
