package io.mosaic.form.store;

import io.mosaic.api.definition.DefinitionProblem;
import io.mosaic.api.definition.InvalidDefinitionException;
import io.mosaic.form.support.Fixtures;
import io.mosaic.form.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.mosaic.form.store.SchemaSyncPlanTest.ORDER;
import static io.mosaic.form.store.SchemaSyncPlanTest.ORDER_V2;
import static io.mosaic.form.store.SchemaSyncPlanTest.field;
import static io.mosaic.form.store.SchemaSyncPlanTest.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

/** Schema sync against a real database: H2 in MySQL mode, or MariaDB with {@code -Pmariadb}. */
class SchemaSyncDatabaseTest {

    private static final String ORDERS = "f_shop_order";

    private TestDatabase database;
    private Connection db;

    @BeforeEach
    void openDatabase() throws SQLException {
        database = TestDatabase.fresh("formstore");
        db = database.connection();
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        database.close();
    }

    @Test
    void createsTablesThatHoldEveryFieldType() throws SQLException {
        SchemaSync.apply("demo", null, Fixtures.read("/form/every-field-type.form.json"), db);

        long id = insert("INSERT INTO `f_demo_sample` (`version`, `title`, `notes`, `quantity`, `weight`, `price`, "
                        + "`discount`, `signed_on`, `visited_at`, `opens_at`, `level`, `tags`, `channel`, `services`, "
                        + "`active`, `email`, `phone`, `website`, `owner`, `department`, `dealer`, `contract`, `photo`, "
                        + "`number`, `total`, `address`, `story`, `dealer_id`, `deleted_at`) "
                        + "VALUES (0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)",
                "标题", "x".repeat(70_000), 9_000_000_000L, new BigDecimal("123456789.123"), new BigDecimal("19.99"),
                new BigDecimal("0.1250"), Date.valueOf("2026-03-01"), Timestamp.valueOf("2026-03-01 08:30:15.123"),
                Time.valueOf("09:00:00"), "a", "[\"a\",\"b\"]", "b", "[\"a\"]", true, "a@b.cn", "+86 10 1234",
                "https://mosaic.io", 7L, 8L, 9L, "[{\"id\":\"f1\"}]", "[]", "S-202603-00001",
                new BigDecimal("42.5000"), "{\"province\":\"11\"}", "<p>介绍</p>", "D-001");
        insert("INSERT INTO `f_demo_sample__lines` (`parent_id`, `row_order`, `item`, `amount`) VALUES (?, ?, ?, ?)",
                id, 1, "项目", new BigDecimal("10.50"));

        try (Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM `f_demo_sample` r JOIN `f_demo_sample__lines` l "
                     + "ON l.`parent_id` = r.`id`")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString("title")).isEqualTo("标题");
            assertThat(rs.getString("notes")).hasSize(70_000);
            assertThat(rs.getLong("quantity")).isEqualTo(9_000_000_000L);
            assertThat(rs.getBigDecimal("weight")).isEqualByComparingTo("123456789.123");
            assertThat(rs.getBigDecimal("discount")).isEqualTo(new BigDecimal("0.1250"));
            assertThat(rs.getObject("signed_on", LocalDate.class)).isEqualTo(LocalDate.of(2026, 3, 1));
            assertThat(rs.getObject("visited_at", LocalDateTime.class)).isEqualTo(LocalDateTime.of(2026, 3, 1, 8, 30, 15, 123_000_000));
            assertThat(rs.getTime("opens_at")).isEqualTo(Time.valueOf("09:00:00"));
            assertThat(rs.getBoolean("active")).isTrue();
            assertThat(rs.getString("tags")).isEqualTo("[\"a\",\"b\"]");
            assertThat(rs.getLong("dealer")).isEqualTo(9L);
            assertThat(rs.getString("story")).isEqualTo("<p>介绍</p>");
            assertThat(rs.getString("item")).isEqualTo("项目");
            assertThat(rs.getBigDecimal("amount")).isEqualByComparingTo("10.50");
        }
    }

    @Test
    void addsAndWidensColumnsForANewVersionKeepingTheRows() throws SQLException {
        SchemaSync.apply("shop", null, ORDER, db);
        insertOrder("A-1", 7, "kept");

        SyncPlan plan = SchemaSync.apply("shop", ORDER, ORDER_V2, db);

        assertThat(plan.steps()).hasSize(5);
        try (Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("SELECT `number`, `quantity`, `order_date`, `note`, `remark` FROM `f_shop_order`")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString("number")).isEqualTo("A-1");
            assertThat(rs.getBigDecimal("quantity")).isEqualByComparingTo("7");
            assertThat(rs.getObject("order_date", LocalDateTime.class)).isEqualTo(LocalDateTime.of(2026, 1, 2, 0, 0));
            assertThat(rs.getString("note")).isEqualTo("kept");
            assertThat(rs.getString("remark")).isNull();
        }
        insert("INSERT INTO `f_shop_order` (`number`, `quantity`) VALUES (?, ?)", "B".repeat(200), new BigDecimal("2.75"));
        insert("INSERT INTO `f_shop_order__lines` (`parent_id`, `row_order`, `qty`) VALUES (?, ?, ?)", 1L, 1, 3L);
    }

    @Test
    void refusesALossyChangeNamingTheFieldAndChangesNothing() throws SQLException {
        SchemaSync.apply("shop", null, ORDER, db);
        Map<String, Table> before = tables();

        assertThatThrownBy(() -> SchemaSync.apply("shop", ORDER, order(form -> field(form, 1).put("type", "date")), db))
                .isInstanceOfSatisfying(InvalidDefinitionException.class, e -> assertThat(e.problems())
                        .extracting(DefinitionProblem::pointer, DefinitionProblem::message)
                        .containsExactly(tuple("/fields/1/type",
                                "The field 'quantity' cannot change from integer to date: its stored values would not survive")));
        assertThat(tables()).isEqualTo(before);
    }

    @Test
    void refusesToRetypeTheKeptColumnOfAFieldRemovedEarlier() throws SQLException {
        String withoutQuantity = order(form -> form.withArray("fields").remove(1));
        SchemaSync.apply("shop", null, ORDER, db);
        SchemaSync.apply("shop", ORDER, withoutQuantity, db);
        String quantityAsDate = order(form -> field(form, 1).put("type", "date"));

        assertThat(SchemaSync.plan("shop", withoutQuantity, quantityAsDate).isRefused()).isFalse();
        assertThatThrownBy(() -> SchemaSync.apply("shop", withoutQuantity, quantityAsDate, db))
                .isInstanceOfSatisfying(InvalidDefinitionException.class, e -> assertThat(e.problems())
                        .containsExactly(DefinitionProblem.at("/fields/1/type", "The field 'quantity' is stored in a "
                                + "column of type BIGINT, which cannot hold DATE values without losing the stored ones")));
    }

    @Test
    void keepsTheColumnAndValuesOfARemovedField() throws SQLException {
        SchemaSync.apply("shop", null, ORDER, db);
        insertOrder("A-1", 7, "kept");

        assertThat(SchemaSync.apply("shop", ORDER, order(form -> form.withArray("fields").remove(4)), db).isEmpty()).isTrue();

        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT `note` FROM `f_shop_order`")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("kept");
        }
    }

    @Test
    void applyingTwiceChangesNothingTheSecondTime() throws SQLException {
        SchemaSync.apply("shop", null, ORDER, db);
        SchemaSync.apply("shop", ORDER, ORDER_V2, db);
        Map<String, Table> synced = tables();

        assertThat(SchemaSync.apply("shop", ORDER, ORDER_V2, db).isEmpty()).isTrue();
        assertThat(SchemaSync.apply("shop", null, ORDER_V2, db).isEmpty()).isTrue();
        assertThat(tables()).isEqualTo(synced);
    }

    @Test
    void finishesASyncThatStoppedHalfWay() throws SQLException {
        SchemaSync.apply("shop", null, ORDER, db);
        List<String> statements = SchemaSync.plan("shop", ORDER, ORDER_V2, db).statements(tableOptions());
        try (Statement s = db.createStatement()) {
            s.execute(statements.get(0));
            s.execute(statements.get(3));
        }

        SyncPlan rest = SchemaSync.apply("shop", ORDER, ORDER_V2, db);

        assertThat(rest.statements(tableOptions())).containsExactly(statements.get(1), statements.get(2), statements.get(4));
        assertThat(SchemaSync.plan("shop", ORDER, ORDER_V2, db).isEmpty()).isTrue();
    }

    @Test
    void createsMissingTablesAndIndexesOfAFirstPublicationThatStoppedHalfWay() throws SQLException {
        List<String> statements = SchemaSync.plan("shop", null, ORDER).statements(tableOptions());
        try (Statement s = db.createStatement()) {
            s.execute(statements.get(0));
            s.execute(statements.get(1));
        }

        assertThat(SchemaSync.apply("shop", null, ORDER, db).statements(tableOptions()))
                .containsExactlyElementsOf(statements.subList(2, statements.size()));
        assertThat(SchemaSync.plan("shop", null, ORDER, db).isEmpty()).isTrue();
    }

    @Test
    void rebuildsTheListIndexesAnEarlierPlatformMadeOnOtherColumns() throws SQLException {
        SchemaSync.apply("shop", null, ORDER, db);
        String index = SqlNames.index(false, ORDERS, "customer");
        String live = SqlNames.index(false, ORDERS, "deleted_at");
        try (Statement s = db.createStatement()) {
            s.execute("DROP INDEX `" + index + "` ON `" + ORDERS + "`");
            s.execute("CREATE INDEX `" + index + "` ON `" + ORDERS + "` (`customer`)");
            s.execute("CREATE INDEX `" + live + "` ON `" + ORDERS + "` (`deleted_at`, `id`)");
        }

        assertThat(SchemaSync.apply("shop", ORDER, ORDER, db).steps()).extracting(DdlStep::description).containsExactly(
                "drop index " + live + " on " + ORDERS,
                "drop index " + index + " on " + ORDERS,
                "add index " + index + " on " + ORDERS + " (customer, deleted_at, id)");
        assertThat(tables().get(ORDERS).indexes()).filteredOn(i -> i.name().equalsIgnoreCase(index))
                .extracting(i -> i.columns().stream().map(c -> c.toLowerCase(Locale.ROOT)).toList())
                .containsExactly(List.of("customer", "deleted_at", "id"));
        assertThat(SchemaSync.plan("shop", ORDER, ORDER, db).isEmpty()).isTrue();
    }

    @Test
    void uniqueFieldsStayUniqueAcrossSoftDeletedRecords() throws SQLException {
        SchemaSync.apply("shop", null, ORDER, db);
        insert("INSERT INTO `f_shop_order` (`number`, `deleted_at`) VALUES (?, ?)", "A-1", Timestamp.valueOf("2026-01-01 00:00:00"));

        assertThatThrownBy(() -> insert("INSERT INTO `f_shop_order` (`number`) VALUES (?)", "A-1"))
                .isInstanceOf(SQLException.class);
    }

    @Test
    void storesFormsWithLongKeysUnderShortenedNames() throws SQLException {
        String app = "a" + "p".repeat(47);
        String form = "f" + "o".repeat(47);
        String definition = order(f -> f.put("key", form));

        SchemaSync.apply(app, null, definition, db);

        String table = SqlNames.table(app, form);
        assertThat(table).hasSize(SqlNames.MAX_LENGTH);
        Map<String, Table> tables = DatabaseTables.read(db, List.of(table, SqlNames.childTable(app, form, "lines")));
        assertThat(tables).hasSize(2);
        assertThat(tables.get(table).indexes()).extracting(Index::name)
                .contains(SqlNames.index(true, table, "number"))
                .allSatisfy(name -> assertThat(name.length()).isLessThanOrEqualTo(SqlNames.MAX_LENGTH));
        assertThat(SchemaSync.plan(app, null, definition, db).isEmpty()).isTrue();
    }

    private Map<String, Table> tables() throws SQLException {
        return DatabaseTables.read(db, List.of(ORDERS, ORDERS + "__lines"));
    }

    private String tableOptions() {
        return TestDatabase.isMariaDb() ? SchemaSync.MYSQL_TABLE_OPTIONS : "";
    }

    private void insertOrder(String number, long quantity, String note) throws SQLException {
        insert("INSERT INTO `f_shop_order` (`number`, `quantity`, `order_date`, `note`) VALUES (?, ?, ?, ?)",
                number, quantity, Date.valueOf("2026-01-02"), note);
    }

    private long insert(String sql, Object... values) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 0; i < values.length; i++) {
                insert.setObject(i + 1, values[i]);
            }
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }
}
