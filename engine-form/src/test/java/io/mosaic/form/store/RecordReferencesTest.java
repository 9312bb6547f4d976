package io.mosaic.form.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mosaic.form.file.StoredFile;
import io.mosaic.form.model.FieldModel;
import io.mosaic.form.record.RecordError;
import io.mosaic.form.record.RecordSchema;
import io.mosaic.form.record.RecordValidator;
import io.mosaic.form.support.Fixtures;
import io.mosaic.form.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * What a record refers to outside its form, through {@link References}: lookup targets the user may see, files
 * the user may attach, display texts, and rich text sanitised on the way in.
 */
class RecordReferencesTest {

    private static final String CLAIM = Fixtures.read("/store/claim.form.json");
    private static final Actor ALICE = new Actor(7, 70L, "D-1");
    private static final Locale EN = Locale.ENGLISH;

    private TestDatabase database;
    private RecordStore trusting;
    private Answers answers;
    private RecordStore store;

    @BeforeEach
    void createTables() throws SQLException {
        database = TestDatabase.fresh("references");
        SchemaSync.apply("exp", null, CLAIM, database.connection());
        RecordValidator validator = RecordValidator.compile(RecordSchema.of("claim", CLAIM), null);
        trusting = new RecordStore(database.dataSource(), "exp", 1, validator,
                Clock.fixed(Instant.parse("2026-11-24T08:00:00Z"), ZoneOffset.UTC));
        answers = new Answers();
        store = trusting.withReferences(answers);
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        database.close();
    }

    @Test
    void refusesLookupsToRecordsTheUserCannotSeeAtTheirPointersAndStoresNothing() throws SQLException {
        answers.visible.put("dealer", Set.of(1L));
        answers.visible.put("product", Set.of(10L, 11L));

        assertThatThrownBy(() -> store.create("""
                {"title": "Trip", "dealer": 99,
                 "lines": [{"product": 10}, {"product": 77}, {"product": 11}]}""", ALICE, EN))
                .isInstanceOfSatisfying(InvalidRecordException.class, e -> assertThat(e.errors())
                        .extracting(RecordError::pointer, RecordError::code, RecordError::message)
                        .containsExactly(
                                tuple("/dealer", "lookup_not_found", "Dealer refers to a record that does not exist"),
                                tuple("/lines/1/product", "lookup_not_found", "Product refers to a record that does not exist")));

        assertThat(count("`f_exp_claim`")).isZero();
        assertThat(count("`f_exp_claim__lines`")).isZero();
    }

    @Test
    void asksOnceForAllTheLookupsOfATargetForm() throws SQLException {
        answers.visible.put("product", Set.of(10L, 11L));

        store.create("""
                {"title": "Trip", "lines": [{"product": 10}, {"product": 11}, {"product": 10}]}""", ALICE, EN);

        assertThat(answers.visibleAsked).containsExactly("product[10, 11]");
    }

    @Test
    void keepsALookupTheRecordAlreadyHoldsWithoutAskingAgain() throws SQLException {
        answers.visible.put("dealer", Set.of(1L, 2L));
        answers.visible.put("product", Set.of(10L));
        long id = store.create("{\"title\": \"Trip\", \"dealer\": 1, \"lines\": [{\"product\": 10}]}", ALICE, EN);
        Answers blind = new Answers();
        RecordStore someoneElse = trusting.withReferences(blind);

        someoneElse.update(id, 1, "{\"title\": \"Trip to Xi'an\", \"lines\": [{\"product\": 10}, {}]}", ALICE, EN);

        assertThat(blind.visibleAsked).isEmpty();
        assertThatThrownBy(() -> someoneElse.update(id, 2, "{\"dealer\": 2}", ALICE, EN))
                .isInstanceOfSatisfying(InvalidRecordException.class, e -> assertThat(e.errors())
                        .extracting(RecordError::pointer).containsExactly("/dealer"));
        assertThat(store.read(id).orElseThrow().get("dealer").longValue()).isEqualTo(1);
    }

    @Test
    void storesEachFileAsItWasUploadedNotAsTheClientDescribesIt() throws SQLException {
        answers.upload("receipt", new StoredFile("f1", "invoice.pdf", 1234, "application/pdf"));
        answers.upload("lines.photo", new StoredFile("p1", "shelf.png", 99, "image/png"));

        long id = store.create("""
                {"title": "Trip",
                 "receipt": [{"id": "f1", "name": "free-money.png", "size": 1, "contentType": "image/png"}],
                 "lines": [{"photo": [{"id": "p1", "name": "x.png", "size": 5, "contentType": "image/gif"}]}]}""",
                ALICE, EN);

        ObjectNode record = store.read(id).orElseThrow();
        assertThat(record.get("receipt").toString())
                .isEqualTo("[{\"id\":\"f1\",\"name\":\"invoice.pdf\",\"size\":1234,\"contentType\":\"application/pdf\"}]");
        assertThat(record.at("/lines/0/photo/0/name").asText()).isEqualTo("shelf.png");
        assertThat(answers.attached).containsExactly(id + ":[f1, p1]");
    }

    @Test
    void refusesFilesTheUserMayNotAttachAtTheirPointersAndStoresNothing() throws SQLException {
        answers.upload("receipt", new StoredFile("f1", "invoice.pdf", 1234, "application/pdf"));
        answers.upload("lines.photo", new StoredFile("f2", "shelf.png", 99, "image/png"));

        assertThatThrownBy(() -> store.create("""
                {"title": "Trip",
                 "receipt": [%s, %s],
                 "lines": [{"photo": [%s]}]}""".formatted(file("f1", "a.pdf"), file("guessed", "b.pdf"),
                file("f1", "c.png")), ALICE, EN))
                .isInstanceOfSatisfying(InvalidRecordException.class, e -> assertThat(e.errors())
                        .extracting(RecordError::pointer, RecordError::code)
                        .containsExactly(tuple("/receipt/1", "file_not_found"), tuple("/lines/0/photo/0", "file_not_found")));

        assertThat(count("`f_exp_claim`")).isZero();
        assertThat(answers.attached).isEmpty();
    }

    @Test
    void rollsTheWholeWriteBackWhenAnotherRecordTookAFileMeanwhile() throws SQLException {
        answers.upload("receipt", new StoredFile("f1", "invoice.pdf", 1234, "application/pdf"));
        answers.taken.add("f1");

        assertThatThrownBy(() -> store.create("{\"title\": \"Trip\", \"receipt\": [" + file("f1", "a.pdf")
                + "], \"lines\": [{}]}", ALICE, EN))
                .isInstanceOfSatisfying(InvalidRecordException.class, e -> assertThat(e.errors())
                        .extracting(RecordError::pointer, RecordError::code).containsExactly(tuple("/receipt/0", "file_not_found")));

        assertThat(count("`f_exp_claim`")).isZero();
        assertThat(count("`f_exp_claim__lines`")).isZero();
    }

    @Test
    void asksAboutTheFilesOfAnUpdateWithTheRecordsId() throws SQLException {
        answers.upload("receipt", new StoredFile("f1", "invoice.pdf", 1234, "application/pdf"));
        long id = store.create("{\"title\": \"Trip\", \"receipt\": [" + file("f1", "a.pdf") + "]}", ALICE, EN);

        store.update(id, 1, "{\"title\": \"Trip 2\"}", ALICE, EN);

        assertThat(answers.filesAsked).containsExactly("receipt:null", "receipt:" + id);
        assertThat(answers.attached).containsExactly(id + ":[f1]");
    }

    @Test
    void addsTheDisplayTextOfEachLookupBesideTheRecord() throws SQLException {
        answers.visible.put("dealer", Set.of(1L));
        answers.visible.put("product", Set.of(10L, 11L));
        answers.names.put(1L, "Acme Ltd");
        answers.names.put(10L, "Bolt");
        long id = store.create("""
                {"title": "Trip", "dealer": 1, "lines": [{"product": 10}, {"product": 11}, {}]}""", ALICE, EN);
        store.create("{\"title\": \"Other\"}", ALICE, EN);

        assertThat(store.read(id).orElseThrow().get("_display").toString()).isEqualTo(
                "{\"dealer\":\"Acme Ltd\",\"lines\":[{\"product\":\"Bolt\"},{\"product\":null},{\"product\":null}]}");
        List<ObjectNode> listed = store.list(ListQuery.firstPage(10)).records();
        assertThat(listed).extracting(r -> r.get("_display").toString())
                .containsExactly("{\"dealer\":null}", "{\"dealer\":\"Acme Ltd\"}");
        assertThat(store.read(id, RowFilter.ALL, Set.of("dealer", "lines")).orElseThrow().has("_display")).isFalse();
        assertThat(answers.displayAsked).contains("dealer.name[1]", "product.name[10, 11]");
    }

    @Test
    void refusesADisplayMemberSentBackAsTheSystems() {
        assertThatThrownBy(() -> store.create("{\"title\": \"Trip\", \"_display\": {\"dealer\": \"Acme\"}}", ALICE, EN))
                .isInstanceOfSatisfying(InvalidRecordException.class, e -> assertThat(e.errors())
                        .extracting(RecordError::pointer, RecordError::code).containsExactly(tuple("/_display", "system_field")));
    }

    @Test
    void sanitisesRichTextOfFieldsAndSubtableRowsBeforeStoringIt() throws SQLException {
        long id = store.create("""
                {"title": "Trip", "description": "<p onclick=\\"steal()\\">Hi<script>alert(1)</script></p>",
                 "lines": [{"note": "<b>ok</b><img src=x onerror=alert(1)>"}]}""", ALICE, EN);

        ObjectNode record = store.read(id).orElseThrow();
        assertThat(record.get("description").asText()).isEqualTo("<p>Hi</p>");
        assertThat(record.at("/lines/0/note").asText()).isEqualTo("<b>ok</b><img src=\"x\" />");

        store.update(id, 1, "{\"description\": \"<a href='javascript:alert(1)'>x</a><svg onload=alert(1)>\"}", ALICE, EN);

        assertThat(store.read(id).orElseThrow().get("description").asText()).isEqualTo("x");
        assertThat(store.history(id)).extracting(c -> c.newValue().asText()).containsExactly("x");
    }

    @Test
    void trustsEveryReferenceWithoutUserReferences() throws SQLException {
        long id = trusting.create("{\"title\": \"Trip\", \"dealer\": 404, \"receipt\": [" + file("any", "a.pdf") + "]}",
                ALICE, EN);

        ObjectNode record = trusting.read(id).orElseThrow();
        assertThat(record.get("dealer").longValue()).isEqualTo(404);
        assertThat(record.at("/receipt/0/name").asText()).isEqualTo("a.pdf");
        assertThat(record.get("_display").toString()).isEqualTo("{\"dealer\":null}");
    }

    private static String file(String id, String name) {
        String type = name.endsWith(".png") ? "image/png" : "application/pdf";
        return "{\"id\": \"" + id + "\", \"name\": \"" + name + "\", \"size\": 10, \"contentType\": \"" + type + "\"}";
    }

    private long count(String table) throws SQLException {
        try (Statement s = database.connection().createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** What one user may refer to, and what the store asked. */
    private static final class Answers implements References {

        final Map<String, Set<Long>> visible = new HashMap<>();
        final Map<Long, String> names = new HashMap<>();
        final Map<String, Map<String, StoredFile>> uploads = new HashMap<>();
        final Set<String> taken = new HashSet<>();
        final List<String> visibleAsked = new ArrayList<>();
        final List<String> displayAsked = new ArrayList<>();
        final List<String> filesAsked = new ArrayList<>();
        final List<String> attached = new ArrayList<>();

        void upload(String field, StoredFile file) {
            uploads.computeIfAbsent(field, f -> new LinkedHashMap<>()).put(file.id(), file);
        }

        @Override
        public Set<Long> visible(String form, List<FieldModel.LookupFilter> filter, Set<Long> ids) {
            visibleAsked.add(form + ids);
            return ids.stream().filter(visible.getOrDefault(form, Set.of())::contains).collect(Collectors.toSet());
        }

        @Override
        public Map<Long, String> displayTexts(String form, String displayField, Set<Long> ids) {
            displayAsked.add(form + "." + displayField + ids);
            Map<Long, String> texts = new HashMap<>();
            ids.stream().filter(names::containsKey).forEach(id -> texts.put(id, names.get(id)));
            return texts;
        }

        @Override
        public Map<String, StoredFile> files(String field, Collection<StoredFile> sent, Long recordId) {
            filesAsked.add(field + ":" + recordId);
            Map<String, StoredFile> allowed = new HashMap<>();
            sent.stream().map(StoredFile::id).filter(uploads.getOrDefault(field, Map.of())::containsKey)
                    .forEach(id -> allowed.put(id, uploads.get(field).get(id)));
            return allowed;
        }

        @Override
        public Set<String> attach(Connection connection, long recordId, Set<String> fileIds) {
            attached.add(recordId + ":" + fileIds);
            return fileIds.stream().filter(taken::contains).collect(Collectors.toSet());
        }
    }
}
