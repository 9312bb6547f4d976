package io.mosaic.form.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mosaic.form.record.RecordError;
import io.mosaic.form.record.RecordSchema;
import io.mosaic.form.record.RecordValidator;
import io.mosaic.form.support.Fixtures;
import io.mosaic.form.support.TestDatabase;

/** Before-save hooks change or refuse a record; after-save hooks write in the record's own transaction. */
class SaveHooksTest {

    private static final String TICKET = Fixtures.read("/store/ticket.form.json");
    private static final Actor ALICE = new Actor(7, 70L, "D-1");
    private static final Locale EN = Locale.ENGLISH;

    private TestDatabase database;
    private RecordStore plain;

    @BeforeEach
    void createTables() throws SQLException {
        database = TestDatabase.fresh("hooks");
        SchemaSync.apply("help", null, TICKET, database.connection());
        try (Statement s = database.connection().createStatement()) {
            s.execute("CREATE TABLE saved_log (record_id BIGINT, title VARCHAR(100))");
        }
        plain = new RecordStore(database.dataSource(), "help", 1,
                RecordValidator.compile(RecordSchema.of("ticket", TICKET), null),
                Clock.fixed(Instant.parse("2026-11-24T08:00:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        database.close();
    }

    @Test
    void aBeforeSaveHookSetsFieldsOnCreateAndUpdateAndTheyAreStoredAndValidated() throws SQLException {
        RecordStore store = plain.withHooks(new SaveHooks() {
            @Override
            public void beforeSave(ObjectNode record, ObjectNode stored, Actor actor, Locale locale) {
                record.put("title", (stored == null ? "new " : "changed ") + record.path("code").asText());
            }
        });
        long id = store.create("{\"code\": \"T-1\"}", ALICE, EN);
        assertThat(store.read(id).orElseThrow().path("title").asText()).isEqualTo("new T-1");
        store.update(id, 1, "{\"quantity\": 2}", ALICE, EN);
        ObjectNode updated = store.read(id).orElseThrow();
        assertThat(updated.path("title").asText()).isEqualTo("changed T-1");
        assertThat(updated.path("quantity").asInt()).isEqualTo(2);
        assertThat(store.history(id)).extracting(FieldChange::field).contains("title", "quantity");
    }

    @Test
    void aBeforeSaveHookRefusesASaveAndNothingIsWritten() throws SQLException {
        RecordStore store = plain.withHooks(new SaveHooks() {
            @Override
            public void beforeSave(ObjectNode record, ObjectNode stored, Actor actor, Locale locale) {
                if (record.path("quantity").asInt() > 10) {
                    throw new InvalidRecordException(List.of(new RecordError("/quantity", "rule", "Too many")));
                }
            }
        });
        assertThatThrownBy(() -> store.create("{\"code\": \"T-2\", \"quantity\": 11}", ALICE, EN))
                .isInstanceOf(InvalidRecordException.class);
        assertThat(count("SELECT COUNT(*) FROM `f_help_ticket`")).isZero();
    }

    @Test
    void aValueTheHookSetsIsValidatedLikeOneSent() {
        RecordStore store = plain.withHooks(new SaveHooks() {
            @Override
            public void beforeSave(ObjectNode record, ObjectNode stored, Actor actor, Locale locale) {
                record.remove("code");
            }
        });
        assertThatThrownBy(() -> store.create("{\"code\": \"T-3\"}", ALICE, EN)).isInstanceOf(InvalidRecordException.class);
    }

    @Test
    void anAfterSaveHookWritesInTheRecordsTransactionAndFailsItWhole() throws SQLException {
        List<Long> seen = new ArrayList<>();
        RecordStore store = plain.withHooks(new SaveHooks() {
            @Override
            public void afterSave(Connection connection, long id, ObjectNode record, ObjectNode stored, Actor actor)
                    throws SQLException {
                seen.add(id);
                try (Statement s = connection.createStatement()) {
                    s.executeUpdate("INSERT INTO saved_log VALUES (" + id + ", 'logged')");
                }
                if ("T-fail".equals(record.path("code").asText())) {
                    throw new SQLException("the log is full");
                }
            }
        });
        long id = store.create("{\"code\": \"T-4\"}", ALICE, EN);
        assertThat(seen).containsExactly(id);
        assertThat(count("SELECT COUNT(*) FROM saved_log")).isEqualTo(1);
        assertThatThrownBy(() -> store.create("{\"code\": \"T-fail\"}", ALICE, EN)).isInstanceOf(SQLException.class);
        assertThat(count("SELECT COUNT(*) FROM saved_log")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM `f_help_ticket`")).isEqualTo(1);
    }

    private long count(String sql) throws SQLException {
        try (Statement s = database.connection().createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
