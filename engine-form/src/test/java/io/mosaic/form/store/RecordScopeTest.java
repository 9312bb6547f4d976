package io.mosaic.form.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mosaic.form.record.RecordSchema;
import io.mosaic.form.record.RecordValidator;
import io.mosaic.form.support.Fixtures;
import io.mosaic.form.support.TestDatabase;

/**
 * A form's {@code scope} fields decide whom a record belongs to for row scopes: an order entered by head office
 * belongs to the dealer and region it names, not to the writer. H2, or MariaDB with {@code -Pmariadb}.
 */
class RecordScopeTest {

    private static final String ORDER = Fixtures.read("/store/scoped-order.form.json");
    private static final Actor HEAD_OFFICE = new Actor(1, 10L, null);
    private static final Locale EN = Locale.ENGLISH;
    /** Dealer 1 is D001 in org unit 20, dealer 2 is D002 in org unit 30; dealer 3 has neither. */
    private static final Map<Long, Map<String, Object>> DEALERS = Map.of(
            1L, Map.of("code", "D001", "org", 20L), 2L, Map.of("code", "D002", "org", 30L), 3L, Map.of());

    private TestDatabase database;
    private RecordStore store;

    @BeforeEach
    void createTables() throws SQLException {
        database = TestDatabase.fresh("scopes");
        SchemaSync.apply("shop", null, ORDER, database.connection());
        store = new RecordStore(database.dataSource(), "shop", 1,
                RecordValidator.compile(RecordSchema.of("order", ORDER), null),
                Clock.fixed(Instant.parse("2026-11-24T08:00:00Z"), ZoneOffset.UTC),
                (form, id, field) -> DEALERS.getOrDefault(id, Map.of()).get(field));
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        database.close();
    }

    @Test
    void aRecordWrittenByHeadOfficeBelongsToTheDealerAndOrgItNames() throws SQLException {
        long id = store.create("{\"dealer\": 1}", HEAD_OFFICE, EN);

        assertThat(store.read(id, RowFilter.dealer("D001"), Set.of())).isPresent();
        assertThat(store.read(id, RowFilter.dealer("D002"), Set.of())).isEmpty();
        assertThat(store.read(id, RowFilter.orgIn(Set.of(20L)), Set.of())).isPresent();
        assertThat(store.read(id, RowFilter.orgIn(Set.of(10L)), Set.of())).isEmpty();
    }

    @Test
    void blankScopeFieldsLeaveTheWritersDealerAndOrg() throws SQLException {
        long id = store.create("{\"dealer\": 3}", new Actor(5, 40L, "D009"), EN);

        assertThat(store.read(id, RowFilter.dealer("D009"), Set.of())).isPresent();
        assertThat(store.read(id, RowFilter.orgIn(Set.of(40L)), Set.of())).isPresent();
    }

    @Test
    void movingTheRecordToAnotherDealerMovesItsScopeAndAnUnrelatedChangeKeepsIt() throws SQLException {
        long id = store.create("{\"dealer\": 1}", HEAD_OFFICE, EN);

        store.update(id, 1, "{\"dealer\": 2}", HEAD_OFFICE, EN);
        assertThat(store.read(id, RowFilter.dealer("D002"), Set.of())).isPresent();
        assertThat(store.read(id, RowFilter.orgIn(Set.of(30L)), Set.of())).isPresent();
        assertThat(store.read(id, RowFilter.dealer("D001"), Set.of())).isEmpty();

        store.update(id, 2, "{\"note\": \"urgent\"}", new Actor(5, 40L, "D009"), EN);
        assertThat(store.read(id, RowFilter.dealer("D002"), Set.of())).isPresent();
    }
}
