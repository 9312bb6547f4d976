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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

/** Serial numbers handed out by {@link RecordStore#create}: H2 in MySQL mode, or MariaDB with {@code -Pmariadb}. */
class SerialNumbersTest {

    private static final String DELIVERY = Fixtures.read("/store/delivery.form.json");
    private static final Actor ALICE = new Actor(7, 70L, "D-1");
    private static final Locale EN = Locale.ENGLISH;
    private static final Instant NOV_24_2026 = Instant.parse("2026-11-24T08:00:00Z");

    private TestDatabase database;

    @BeforeEach
    void createTables() throws SQLException {
        database = TestDatabase.fresh("serials");
        SchemaSync.apply("dms", null, DELIVERY, database.connection());
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        database.close();
    }

    @Test
    void numbersRecordsInOrderWithTheDatePartsOfTheCurrentPeriod() throws SQLException {
        RecordStore store = storeAt(NOV_24_2026);

        long first = store.create("{\"customer\": \"ACME\"}", ALICE, EN);
        long second = store.create("{\"customer\": \"ACME\"}", ALICE, EN);

        assertThat(store.read(first).orElseThrow().get("number").asText()).isEqualTo("DO-2026-000001");
        assertThat(store.read(first).orElseThrow().get("daily").asText()).isEqualTo("261124/001");
        assertThat(store.read(second).orElseThrow().get("number").asText()).isEqualTo("DO-2026-000002");
        assertThat(store.read(second).orElseThrow().get("daily").asText()).isEqualTo("261124/002");
    }

    @Test
    void concurrentWritersGetDistinctNumbersWithoutGaps() throws Exception {
        RecordStore store = storeAt(NOV_24_2026);
        int writers = 8;
        int perWriter = 25;
        CyclicBarrier start = new CyclicBarrier(writers);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<List<Long>>> results = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                Callable<List<Long>> writer = () -> {
                    start.await();
                    List<Long> ids = new ArrayList<>();
                    for (int i = 0; i < perWriter; i++) {
                        ids.add(store.create("{\"customer\": \"ACME\"}", ALICE, EN));
                    }
                    return ids;
                };
                results.add(pool.submit(writer));
            }
            List<String> numbers = new ArrayList<>();
            for (Future<List<Long>> result : results) {
                for (long id : result.get()) {
                    numbers.add(store.read(id).orElseThrow().get("number").asText());
                }
            }
            assertThat(numbers).containsExactlyInAnyOrderElementsOf(
                    IntStream.rangeClosed(1, writers * perWriter).mapToObj(n -> String.format("DO-2026-%06d", n)).toList());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRefusedRecordTakesNoNumber() throws SQLException {
        RecordStore store = storeAt(NOV_24_2026);
        store.create("{\"customer\": \"ACME\"}", ALICE, EN);

        assertThatThrownBy(() -> store.create("{}", ALICE, EN)).isInstanceOf(InvalidRecordException.class);
        long next = store.create("{\"customer\": \"ACME\"}", ALICE, EN);

        assertThat(store.read(next).orElseThrow().get("number").asText()).isEqualTo("DO-2026-000002");
    }

    @Test
    void aCreateFailingAfterTakingANumberGivesItBackAndNamesTheTakenNumber() throws SQLException {
        RecordStore store = storeAt(NOV_24_2026);
        store.create("{\"customer\": \"ACME\"}", ALICE, EN);
        // A number already held by an imported record makes the insert itself fail, after the counter moved.
        try (Statement s = database.connection().createStatement()) {
            s.executeUpdate("INSERT INTO `f_dms_delivery` (`version`, `number`, `customer`) VALUES (1, 'DO-2026-000002', 'old')");
        }

        assertThatThrownBy(() -> store.create("{\"customer\": \"ACME\"}", ALICE, EN))
                .isInstanceOfSatisfying(InvalidRecordException.class, e -> assertThat(e.errors())
                        .extracting(RecordError::pointer, RecordError::code).containsExactly(tuple("/number", "unique")));

        assertThat(counter("DO-2026-{seq}")).isEqualTo(1);
    }

    @Test
    void startsAgainAtOneInANewYear() throws SQLException {
        storeAt(Instant.parse("2026-12-31T23:59:59Z")).create("{\"customer\": \"ACME\"}", ALICE, EN);
        storeAt(Instant.parse("2026-12-31T23:59:59Z")).create("{\"customer\": \"ACME\"}", ALICE, EN);

        RecordStore nextYear = storeAt(Instant.parse("2027-01-01T00:00:00Z"));
        long id = nextYear.create("{\"customer\": \"ACME\"}", ALICE, EN);

        assertThat(nextYear.read(id).orElseThrow().get("number").asText()).isEqualTo("DO-2027-000001");
        assertThat(nextYear.read(id).orElseThrow().get("daily").asText()).isEqualTo("270101/001");
        assertThat(counter("DO-2026-{seq}")).isEqualTo(2);
    }

    @Test
    void countersClearedByHandFailOneCreateClearlyAndTheNextStartsThemAgain() throws SQLException {
        RecordStore store = storeAt(NOV_24_2026);
        store.create("{\"customer\": \"ACME\"}", ALICE, EN);
        try (Statement s = database.connection().createStatement()) {
            s.executeUpdate("DELETE FROM `f_dms_delivery`");
            s.executeUpdate("DELETE FROM `f_dms_delivery$seq`");
        }

        assertThatThrownBy(() -> store.create("{\"customer\": \"ACME\"}", ALICE, EN))
                .isInstanceOf(SQLException.class).hasMessageContaining("counter of serial field");
        long id = store.create("{\"customer\": \"Globex\"}", ALICE, EN);

        assertThat(store.read(id).orElseThrow().get("number").asText()).isEqualTo("DO-2026-000001");
        assertThat(counter("DO-2026-{seq}")).isEqualTo(1);
    }

    @Test
    void keepsTheNumberOnUpdate() throws SQLException {
        RecordStore store = storeAt(NOV_24_2026);
        long id = store.create("{\"customer\": \"ACME\"}", ALICE, EN);

        store.update(id, 1, "{\"customer\": \"Globex\"}", ALICE, EN);

        assertThat(store.read(id).orElseThrow().get("number").asText()).isEqualTo("DO-2026-000001");
        assertThat(counter("DO-2026-{seq}")).isEqualTo(1);
    }

    private RecordStore storeAt(Instant instant) throws SQLException {
        RecordValidator validator = RecordValidator.compile(RecordSchema.of("delivery", DELIVERY), null);
        return new RecordStore(database.dataSource(), "dms", 1, validator, Clock.fixed(instant, ZoneOffset.UTC));
    }

    private long counter(String periodKey) throws SQLException {
        try (Statement s = database.connection().createStatement();
             ResultSet rs = s.executeQuery("SELECT `seq_value` FROM `f_dms_delivery$seq` WHERE `field` = 'number'"
                     + " AND `period_key` = '" + periodKey + "'")) {
            assertThat(rs.next()).isTrue();
            return rs.getLong(1);
        }
    }
}
