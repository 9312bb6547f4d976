package io.mosaic.form.store;

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
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

/** {@link RecordStore#createAll}: a batch of records (an import) stored together or not at all. */
class RecordBatchTest {

    private static final String DELIVERY = Fixtures.read("/store/delivery.form.json");
    private static final String TICKET = Fixtures.read("/store/ticket.form.json");
    private static final Actor ALICE = new Actor(7, 70L, "D-1");
    private static final Locale EN = Locale.ENGLISH;
    private static final Clock NOV_24_2026 = Clock.fixed(Instant.parse("2026-11-24T08:00:00Z"), ZoneOffset.UTC);

    private TestDatabase database;

    @BeforeEach
    void createTables() throws SQLException {
        database = TestDatabase.fresh("batch");
        SchemaSync.apply("dms", null, DELIVERY, database.connection());
        SchemaSync.apply("help", null, TICKET, database.connection());
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        database.close();
    }

    @Test
    void storesEveryRecordOfTheBatchWithSerialNumbersInOrder() throws SQLException {
        RecordStore store = store("dms", "delivery", DELIVERY);

        List<Long> ids = store.createAll(List.of("{\"customer\": \"ACME\"}", "{\"customer\": \"Globex\"}",
                "{\"customer\": \"Initech\"}"), ALICE, EN);

        assertThat(ids).hasSize(3).doesNotHaveDuplicates();
        assertThat(ids.stream().map(id -> read(store, id, "number")))
                .containsExactly("DO-2026-000001", "DO-2026-000002", "DO-2026-000003");
        assertThat(read(store, ids.get(1), "customer")).isEqualTo("Globex");
        assertThat(store.read(ids.get(2)).orElseThrow().get("owner_id").longValue()).isEqualTo(7);
    }

    @Test
    void writesNothingWhenOneRecordIsInvalidAndNamesIt() throws SQLException {
        RecordStore store = store("dms", "delivery", DELIVERY);

        assertThatThrownBy(() -> store.createAll(List.of("{\"customer\": \"ACME\"}", "{\"customer\": \"ACME\"}",
                "{\"customer\": 12}"), ALICE, EN))
                .isInstanceOfSatisfying(InvalidRecordInBatchException.class, e -> {
                    assertThat(e.index()).isEqualTo(2);
                    assertThat(e.errors()).extracting(RecordError::pointer, RecordError::code)
                            .containsExactly(tuple("/customer", "type"));
                });

        assertThat(count("`f_dms_delivery`")).isZero();
        assertThat(store.create("{\"customer\": \"ACME\"}", ALICE, EN)).isPositive();
        assertThat(read(store, store.createAll(List.of("{\"customer\": \"B\"}"), ALICE, EN).get(0), "number"))
                .as("the refused batch took no serial number")
                .isEqualTo("DO-2026-000002");
    }

    @Test
    void refusesAUniqueValueTakenEarlierInTheSameBatchAndRollsEverythingBack() throws SQLException {
        RecordStore store = store("help", "ticket", TICKET);
        store.create("{\"code\": \"T-0\"}", ALICE, EN);

        assertThatThrownBy(() -> store.createAll(List.of("{\"code\": \"T-1\"}", "{\"code\": \"T-2\"}",
                "{\"code\": \"T-1\"}"), ALICE, EN))
                .isInstanceOfSatisfying(InvalidRecordInBatchException.class, e -> {
                    assertThat(e.index()).isEqualTo(2);
                    assertThat(e.errors()).extracting(RecordError::pointer, RecordError::code)
                            .containsExactly(tuple("/code", "unique"));
                });
        assertThatThrownBy(() -> store.createAll(List.of("{\"code\": \"T-3\"}", "{\"code\": \"T-0\"}"), ALICE, EN))
                .isInstanceOfSatisfying(InvalidRecordInBatchException.class, e -> assertThat(e.index()).isEqualTo(1));

        assertThat(count("`f_help_ticket`")).isEqualTo(1);
    }

    private RecordStore store(String app, String key, String form) throws SQLException {
        RecordValidator validator = RecordValidator.compile(RecordSchema.of(key, form), null);
        return new RecordStore(database.dataSource(), app, 1, validator, NOV_24_2026);
    }

    private static String read(RecordStore store, long id, String field) {
        try {
            return store.read(id).orElseThrow().get(field).asText();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long count(String table) throws SQLException {
        try (Statement s = database.connection().createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
