package io.mosaic.form.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

/** Records stored in the tables schema sync made: H2 in MySQL mode, or MariaDB with {@code -Pmariadb}. */
class RecordStoreTest {

    private static final String TICKET = Fixtures.read("/store/ticket.form.json");
    private static final String TABLE = "`f_help_ticket`";
    private static final String LINES = "`f_help_ticket__lines`";
    private static final Actor ALICE = new Actor(7, 70L, "D-1");
    private static final Actor BOB = new Actor(8, 80L, "D-2");
    private static final Locale EN = Locale.ENGLISH;

    private TestDatabase database;
    private RecordStore store;

    @BeforeEach
    void createTables() throws SQLException {
        database = TestDatabase.fresh("records");
        SchemaSync.apply("help", null, TICKET, database.connection());
        RecordValidator validator = RecordValidator.compile(RecordSchema.of("ticket", TICKET), null);
        store = new RecordStore(database.dataSource(), "help", 3, validator,
                Clock.fixed(Instant.parse("2026-11-24T08:00:00.123Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        database.close();
    }

    @Test
    void readsBackEveryValueWithSubtableRowsAndSystemMembers() throws SQLException {
        long id = store.create("""
                {"code": "T-1", "title": "打印机", "quantity": 3, "amount": 1234.5, "due_on": "2026-12-01",
                 "opened_at": "2026-11-24T09:30:15.250+08:00", "opens": "09:00", "urgent": true, "tags": ["a", "b"],
                 "assignee": 42, "notes": "line one\\nline two",
                 "lines": [{"item": "toner", "price": 99.9}, {"item": "paper"}]}""", ALICE, EN);

        ObjectNode record = store.read(id).orElseThrow();

        assertThat(record.get("id").longValue()).isEqualTo(id);
        assertThat(record.get("version").intValue()).isEqualTo(1);
        assertThat(record.get("code").asText()).isEqualTo("T-1");
        assertThat(record.get("title").asText()).isEqualTo("打印机");
        assertThat(record.get("quantity").longValue()).isEqualTo(3);
        assertThat(record.get("amount").decimalValue()).isEqualByComparingTo("1234.5");
        assertThat(record.get("due_on").asText()).isEqualTo("2026-12-01");
        assertThat(record.get("opened_at").asText()).isEqualTo("2026-11-24T01:30:15.25Z");
        assertThat(record.get("opens").asText()).isEqualTo("09:00:00");
        assertThat(record.get("urgent").booleanValue()).isTrue();
        assertThat(record.get("tags").toString()).isEqualTo("[\"a\",\"b\"]");
        assertThat(record.get("assignee").longValue()).isEqualTo(42);
        assertThat(record.get("notes").asText()).isEqualTo("line one\nline two");
        assertThat(record.get("lines")).hasSize(2);
        assertThat(record.get("lines").get(0).get("item").asText()).isEqualTo("toner");
        assertThat(record.get("lines").get(0).get("price").decimalValue()).isEqualByComparingTo("99.9");
        assertThat(record.get("lines").get(1).get("price").isNull()).isTrue();
        assertThat(record.get("owner_id").longValue()).isEqualTo(7);
        assertThat(record.get("org_id").longValue()).isEqualTo(70);
        assertThat(record.get("dealer_id").asText()).isEqualTo("D-1");
        assertThat(record.get("created_by").longValue()).isEqualTo(7);
        assertThat(record.get("created_at").asText()).isEqualTo("2026-11-24T08:00:00.123Z");
        assertThat(record.get("updated_at").asText()).isEqualTo("2026-11-24T08:00:00.123Z");
        assertThat(record.get("form_version").intValue()).isEqualTo(3);
    }

    @Test
    void refusesAnInvalidRecordAndWritesNothing() throws SQLException {
        assertThatThrownBy(() -> store.create("""
                {"code": "T-1", "quantity": "three", "lines": [{"item": "toner"}, {"price": 1}]}""", ALICE, EN))
                .isInstanceOfSatisfying(InvalidRecordException.class, e -> assertThat(e.errors())
                        .extracting(RecordError::pointer, RecordError::code)
                        .containsExactlyInAnyOrder(
                                tuple("/quantity", "type"),
                                tuple("/lines/1/item", "required")));
        assertThatThrownBy(() -> store.create("{\"code\": \"T-1\", \"code\": \"T-2\"}", ALICE, EN))
                .isInstanceOfSatisfying(InvalidRecordException.class,
                        e -> assertThat(e.errors()).extracting(RecordError::code).containsExactly("invalid_json"));

        assertThat(count(TABLE)).isZero();
        assertThat(count(LINES)).isZero();
    }

    @Test
    void refusesAUniqueValueAnotherRecordHoldsEvenInTheRecycleBin() throws SQLException {
        long first = store.create("{\"code\": \"T-1\"}", ALICE, EN);
        long second = store.create("{\"code\": \"T-2\"}", ALICE, EN);
        store.delete(first, 1, ALICE);

        assertThatThrownBy(() -> store.create("{\"code\": \"T-1\", \"lines\": [{\"item\": \"x\"}]}", ALICE, EN))
                .isInstanceOfSatisfying(InvalidRecordException.class, e -> assertThat(e.errors())
                        .extracting(RecordError::pointer, RecordError::code, RecordError::message)
                        .containsExactly(tuple("/code", "unique",
                                "Another record already has this Code")));
        assertThatThrownBy(() -> store.update(second, 1, "{\"code\": \"T-1\"}", ALICE, EN))
                .isInstanceOf(InvalidRecordException.class);

        assertThat(count(TABLE)).isEqualTo(2);
        assertThat(count(LINES)).isZero();
        assertThat(store.read(second).orElseThrow().get("code").asText()).isEqualTo("T-2");
        assertThat(store.update(second, 1, "{\"code\": \"T-2\", \"title\": \"same code kept\"}", ALICE, EN)).isEqualTo(2);
    }

    @Test
    void concurrentCreatesOfOneUniqueValueLeaveExactlyOneRecord() throws Exception {
        List<Object> outcomes = race(() -> store.create("{\"code\": \"RACE\", \"lines\": [{\"item\": \"x\"}]}", ALICE, EN));

        assertThat(outcomes).filteredOn(o -> o instanceof Long).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o instanceof InvalidRecordException e
                && e.errors().get(0).code().equals("unique")).hasSize(1);
        assertThat(count(TABLE)).isEqualTo(1);
        assertThat(count(LINES)).isEqualTo(1);
    }

    @Test
    void aValueAnotherTransactionTakesAfterTheCheckIsStillReportedAsUnique() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection other = database.dataSource().getConnection()) {
            other.setAutoCommit(false);
            try (Statement s = other.createStatement()) {
                s.executeUpdate("INSERT INTO " + TABLE + " (`version`, `code`) VALUES (1, 'RACE')");
            }
            // The uncommitted row is invisible to the check, so the insert meets it in the unique index.
            Future<Object> create = pool.submit(() -> store.create("{\"code\": \"RACE\"}", ALICE, EN));
            // Time for the insert to reach the index and wait on the other transaction's lock. Were it to arrive
            // after the commit instead, the pre-check reports the same error: the assertion holds either way.
            Thread.sleep(300);
            other.commit();

            assertThatThrownBy(create::get).hasCauseInstanceOf(InvalidRecordException.class)
                    .cause().satisfies(e -> assertThat(((InvalidRecordException) e).errors())
                            .extracting(RecordError::pointer, RecordError::code).containsExactly(tuple("/code", "unique")));
        } finally {
            pool.shutdown();
        }
        assertThat(count(TABLE)).isEqualTo(1);
    }

    @Test
    void updateMergesThePatchAndReplacesOnlyTheSubtablesItGives() throws SQLException {
        long id = store.create("""
                {"code": "T-1", "title": "old", "quantity": 1, "lines": [{"item": "a"}, {"item": "b"}]}""", ALICE, EN);

        assertThat(store.update(id, 1, "{\"title\": \"new\", \"quantity\": null}", BOB, EN)).isEqualTo(2);
        ObjectNode afterFields = store.read(id).orElseThrow();
        assertThat(afterFields.get("title").asText()).isEqualTo("new");
        assertThat(afterFields.get("quantity").isNull()).isTrue();
        assertThat(afterFields.get("code").asText()).isEqualTo("T-1");
        assertThat(afterFields.get("lines")).hasSize(2);
        assertThat(afterFields.get("owner_id").longValue()).isEqualTo(7);
        assertThat(afterFields.get("updated_by").longValue()).isEqualTo(8);

        assertThat(store.update(id, 2, "{\"lines\": [{\"item\": \"c\", \"price\": 5}]}", BOB, EN)).isEqualTo(3);
        JsonNode lines = store.read(id).orElseThrow().get("lines");
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).get("item").asText()).isEqualTo("c");
        assertThat(count(LINES)).isEqualTo(1);
    }

    @Test
    void updateRecordsEachFieldItChangedAndNothingForEqualValues() throws SQLException {
        long id = store.create("""
                {"code": "T-1", "title": "old", "amount": 1.5, "opened_at": "2026-11-24T09:30:00+08:00",
                 "lines": [{"item": "a", "price": 2}]}""", ALICE, EN);

        store.update(id, 1, """
                {"title": "new", "amount": 1.50, "opened_at": "2026-11-24T01:30:00Z", "quantity": 4,
                 "lines": [{"item": "a", "price": 2.00}]}""", BOB, EN);
        store.update(id, 2, "{\"title\": null, \"lines\": [{\"item\": \"b\"}]}", ALICE, EN);

        assertThat(store.history(id))
                .extracting(FieldChange::changedBy, FieldChange::field, c -> String.valueOf(c.oldValue()),
                        c -> String.valueOf(c.newValue()))
                .containsExactly(
                        tuple(8L, "title", "\"old\"", "\"new\""),
                        tuple(8L, "quantity", "null", "4"),
                        tuple(7L, "title", "\"new\"", "null"),
                        tuple(7L, "lines", "[{\"item\":\"a\",\"price\":2}]", "[{\"item\":\"b\"}]"));
        assertThat(store.history(id).get(0).changedAt()).isEqualTo("2026-11-24T08:00:00.123Z");
    }

    @Test
    void refusedUpdateLeavesNoHistory() throws SQLException {
        long id = store.create("{\"code\": \"T-1\"}", ALICE, EN);
        store.create("{\"code\": \"T-2\"}", ALICE, EN);

        assertThatThrownBy(() -> store.update(id, 1, "{\"code\": \"T-2\", \"title\": \"x\"}", BOB, EN))
                .isInstanceOf(InvalidRecordException.class);
        assertThatThrownBy(() -> store.update(id, 5, "{\"title\": \"x\"}", BOB, EN))
                .isInstanceOf(StaleRecordException.class);

        assertThat(store.history(id)).isEmpty();
    }

    @Test
    void updateValidatesTheMergedRecordAndChangesNothingWhenRefused() throws SQLException {
        long id = store.create("{\"code\": \"T-1\", \"title\": \"kept\", \"lines\": [{\"item\": \"a\"}]}", ALICE, EN);

        assertThatThrownBy(() -> store.update(id, 1, "{\"code\": null, \"title\": \"lost\", \"lines\": []}", BOB, EN))
                .isInstanceOfSatisfying(InvalidRecordException.class, e -> assertThat(e.errors())
                        .extracting(RecordError::pointer).containsExactly("/code"));
        assertThatThrownBy(() -> store.update(id, 1, "[1]", BOB, EN)).isInstanceOf(InvalidRecordException.class);

        ObjectNode record = store.read(id).orElseThrow();
        assertThat(record.get("version").intValue()).isEqualTo(1);
        assertThat(record.get("title").asText()).isEqualTo("kept");
        assertThat(record.get("lines")).hasSize(1);
    }

    @Test
    void staleVersionIsRefusedAndChangesNothing() throws SQLException {
        long id = store.create("{\"code\": \"T-1\", \"title\": \"first\"}", ALICE, EN);
        store.update(id, 1, "{\"title\": \"second\"}", ALICE, EN);

        assertThatThrownBy(() -> store.update(id, 1, "{\"title\": \"third\"}", BOB, EN))
                .isInstanceOf(StaleRecordException.class);
        assertThatThrownBy(() -> store.delete(id, 1, BOB)).isInstanceOf(StaleRecordException.class);

        ObjectNode record = store.read(id).orElseThrow();
        assertThat(record.get("title").asText()).isEqualTo("second");
        assertThat(record.get("version").intValue()).isEqualTo(2);
        assertThatThrownBy(() -> store.update(id + 100, 1, "{}", BOB, EN)).isInstanceOf(RecordNotFoundException.class);
    }

    @Test
    void concurrentUpdatesOfOneVersionLetExactlyOneWin() throws Exception {
        long id = store.create("{\"code\": \"T-1\", \"lines\": [{\"item\": \"a\"}]}", ALICE, EN);
        List<String> titles = new ArrayList<>(List.of("left", "right"));

        List<Object> outcomes = race(() -> {
            String title;
            synchronized (titles) {
                title = titles.remove(0);
            }
            return store.update(id, 1, "{\"title\": \"" + title + "\", \"lines\": [{\"item\": \"" + title + "\"}]}", BOB, EN);
        });

        assertThat(outcomes).filteredOn(o -> o instanceof Integer).containsExactly(2);
        assertThat(outcomes).filteredOn(o -> o instanceof StaleRecordException).hasSize(1);
        ObjectNode record = store.read(id).orElseThrow();
        assertThat(record.get("version").intValue()).isEqualTo(2);
        assertThat(record.get("lines")).hasSize(1);
        assertThat(record.get("lines").get(0).get("item").asText()).isEqualTo(record.get("title").asText());
    }

    @Test
    void softDeleteHidesTheRecordAndRestoreBringsItBack() throws SQLException {
        long id = store.create("{\"code\": \"T-1\", \"lines\": [{\"item\": \"a\"}]}", ALICE, EN);
        long other = store.create("{\"code\": \"T-2\"}", ALICE, EN);

        store.delete(id, 1, BOB);

        assertThat(store.read(id)).isEmpty();
        assertThat(ids(store.list(ListQuery.firstPage(10)))).containsExactly(other);
        assertThatThrownBy(() -> store.update(id, 2, "{\"title\": \"x\"}", BOB, EN)).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> store.delete(id, 2, BOB)).isInstanceOf(RecordNotFoundException.class);
        assertThatThrownBy(() -> store.restore(other, BOB)).isInstanceOf(RecordNotFoundException.class);

        store.restore(id, BOB);

        ObjectNode restored = store.read(id).orElseThrow();
        assertThat(restored.get("version").intValue()).isEqualTo(3);
        assertThat(restored.get("lines")).hasSize(1);
        assertThat(ids(store.list(ListQuery.firstPage(10)))).containsExactly(other, id);
    }

    @Test
    void keysetPagesVisitEveryRecordOnceInOrder() throws SQLException {
        List<Long> created = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            // Repeated and missing sort values are where keyset pagination goes wrong.
            String quantity = i % 4 == 0 ? "null" : String.valueOf(i % 3);
            created.add(store.create("{\"code\": \"T-" + i + "\", \"quantity\": " + quantity + "}", ALICE, EN));
        }

        List<Long> newestFirstIds = new ArrayList<>(created);
        Collections.reverse(newestFirstIds);
        assertThat(allPages(ListQuery.firstPage(5))).containsExactlyElementsOf(newestFirstIds);
        for (boolean newestFirst : new boolean[]{true, false}) {
            List<Long> visited = allPages(ListQuery.firstPage(4).sortedBy("quantity", newestFirst));
            assertThat(visited).containsExactlyInAnyOrderElementsOf(created);
            List<Long> expected = new ArrayList<>(created);
            Comparator<Long> byQuantity = Comparator.comparing(
                    (Long id) -> quantityOf(created.indexOf(id)), Comparator.nullsFirst(Integer::compare))
                    .thenComparing(id -> id);
            expected.sort(newestFirst ? byQuantity.reversed() : byQuantity);
            assertThat(visited).containsExactlyElementsOf(expected);
        }
        Page first = store.list(ListQuery.firstPage(30));
        assertThat(first.hasMore()).isFalse();
        assertThat(first.nextCursor()).isNull();
    }

    @Test
    void pagesOfAnEqualityFilterVisitItsLiveRecordsOnceNewestOrOldestFirst() throws SQLException {
        List<Long> twos = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            long id = store.create("{\"code\": \"E-" + i + "\", \"quantity\": " + (i % 3 == 0 ? 1 : 2) + "}", ALICE, EN);
            if (i % 3 != 0) {
                twos.add(id);
            }
        }
        store.delete(twos.remove(3), 1, ALICE);
        ListQuery.Filter two = new ListQuery.Filter("quantity", ListQuery.Op.EQ, "2");

        List<Long> newestFirst = new ArrayList<>(twos);
        Collections.reverse(newestFirst);
        assertThat(allPages(ListQuery.firstPage(3).withFilters(two))).containsExactlyElementsOf(newestFirst);
        assertThat(allPages(ListQuery.firstPage(3).withFilters(two).sortedBy("id", false))).containsExactlyElementsOf(twos);
    }

    @Test
    void refusesACursorOfAnotherSortOrNoCursorAtAll() throws SQLException {
        for (int i = 0; i < 3; i++) {
            store.create("{\"code\": \"T-" + i + "\"}", ALICE, EN);
        }
        String cursor = store.list(ListQuery.firstPage(1)).nextCursor();

        assertThatThrownBy(() -> store.list(ListQuery.firstPage(1).sortedBy("code", true).after(cursor)))
                .isInstanceOfSatisfying(InvalidQueryException.class, e -> assertThat(e.parameter()).isEqualTo("after"));
        assertThatThrownBy(() -> store.list(ListQuery.firstPage(1).after("' OR 1=1 --")))
                .isInstanceOf(InvalidQueryException.class);
        assertThatThrownBy(() -> store.list(ListQuery.firstPage(1).sortedBy("notes", true)))
                .isInstanceOfSatisfying(InvalidQueryException.class, e -> assertThat(e.parameter()).isEqualTo("sort"));
    }

    @Test
    void filtersCompareByTheFieldsType() throws SQLException {
        long small = store.create("{\"code\": \"A\", \"amount\": 9.5, \"due_on\": \"2026-01-10\", \"urgent\": true}", ALICE, EN);
        long large = store.create("{\"code\": \"B\", \"amount\": 100, \"due_on\": \"2026-03-01\", \"urgent\": false}", ALICE, EN);
        long blank = store.create("{\"code\": \"C\"}", ALICE, EN);

        assertThat(filtered(new ListQuery.Filter("amount", ListQuery.Op.GE, "10"))).containsExactly(large);
        assertThat(filtered(new ListQuery.Filter("due_on", ListQuery.Op.LT, "2026-02-01"))).containsExactly(small);
        assertThat(filtered(new ListQuery.Filter("urgent", ListQuery.Op.EQ, "true"))).containsExactly(small);
        assertThat(filtered(new ListQuery.Filter("urgent", ListQuery.Op.NE, "true"))).containsExactly(blank, large);
        assertThatThrownBy(() -> filtered(new ListQuery.Filter("amount", ListQuery.Op.GE, "ten")))
                .isInstanceOfSatisfying(InvalidQueryException.class, e -> assertThat(e.parameter()).isEqualTo("amount"));
        assertThatThrownBy(() -> filtered(new ListQuery.Filter("urgent", ListQuery.Op.LT, "true")))
                .isInstanceOf(InvalidQueryException.class);
        assertThatThrownBy(() -> filtered(new ListQuery.Filter("tags", ListQuery.Op.EQ, "a")))
                .isInstanceOf(InvalidQueryException.class);
        assertThatThrownBy(() -> filtered(new ListQuery.Filter("`code`", ListQuery.Op.EQ, "A")))
                .isInstanceOf(InvalidQueryException.class);
    }

    @Test
    void sqlMetacharactersInFilterValuesAreMatchedLiterally() throws SQLException {
        long percent = store.create("{\"code\": \"P\", \"title\": \"100% done\"}", ALICE, EN);
        long underscore = store.create("{\"code\": \"U\", \"title\": \"a_b\"}", ALICE, EN);
        long quote = store.create("{\"code\": \"Q\", \"title\": \"it's ! \\\\ here\"}", ALICE, EN);
        store.create("{\"code\": \"X\", \"title\": \"axb 1000 done\"}", ALICE, EN);

        assertThat(filtered(new ListQuery.Filter("title", ListQuery.Op.CONTAINS, "0% d"))).containsExactly(percent);
        assertThat(filtered(new ListQuery.Filter("title", ListQuery.Op.CONTAINS, "a_b"))).containsExactly(underscore);
        assertThat(filtered(new ListQuery.Filter("title", ListQuery.Op.CONTAINS, "'s ! \\"))).containsExactly(quote);
        assertThat(filtered(new ListQuery.Filter("title", ListQuery.Op.EQ, "x' OR '1'='1"))).isEmpty();
        assertThat(filtered(new ListQuery.Filter("title", ListQuery.Op.CONTAINS, "%"))).containsExactly(percent);
        assertThat(count(TABLE)).isEqualTo(4);
    }

    @Test
    void storesSqlMetacharactersInEveryTextFieldAsTheyWereSent() throws SQLException {
        String hostile = "x'); DROP TABLE t;-- \" OR 1=1 /*` \\ %_?";
        ObjectNode record = JsonNodeFactory.instance.objectNode();
        record.put("code", "H").put("title", hostile).put("notes", hostile);
        record.putArray("lines").addObject().put("item", hostile);

        long id = store.create(record.toString(), ALICE, EN);

        ObjectNode stored = store.read(id).orElseThrow();
        assertThat(stored.path("title").asText()).isEqualTo(hostile);
        assertThat(stored.path("notes").asText()).isEqualTo(hostile);
        assertThat(stored.at("/lines/0/item").asText()).isEqualTo(hostile);
        assertThat(filtered(new ListQuery.Filter("title", ListQuery.Op.EQ, hostile))).containsExactly(id);
        assertThat(count(TABLE)).isEqualTo(1);
    }

    @Test
    void countsMatchingRecordsOnlyUpToTheCap() throws SQLException {
        for (String code : List.of("A", "B", "C", "D", "E")) {
            store.create("{\"code\": \"" + code + "\", \"quantity\": " + (code.charAt(0) - 'A') + "}", ALICE, EN);
        }
        long deleted = store.create("{\"code\": \"F\", \"quantity\": 9}", ALICE, EN);
        store.delete(deleted, 1, ALICE);
        ListQuery all = new ListQuery(List.of(), null, true, 50, null, RowFilter.ALL, Set.of());
        ListQuery some = new ListQuery(List.of(new ListQuery.Filter("quantity", ListQuery.Op.GE, "2")), null, true, 50,
                null, RowFilter.ALL, Set.of());

        assertThat(store.count(all, 10)).as("deleted records are not counted").isEqualTo(5);
        assertThat(store.count(all, 3)).as("more than the cap reads as cap + 1").isEqualTo(4);
        assertThat(store.count(some, 10)).isEqualTo(3);
        assertThat(store.count(new ListQuery(List.of(), null, true, 50, null, RowFilter.ownerIn(Set.of(BOB.userId())),
                Set.of()), 10)).isZero();
    }

    @Test
    void containsIgnoresCaseOnEveryDatabase() throws SQLException {
        long acme = store.create("{\"code\": \"A\", \"title\": \"Acme Ltd\"}", ALICE, EN);
        long accent = store.create("{\"code\": \"B\", \"title\": \"ÄRGER GmbH\"}", ALICE, EN);
        store.create("{\"code\": \"C\", \"title\": \"Bolt & Co\"}", ALICE, EN);

        assertThat(filtered(new ListQuery.Filter("title", ListQuery.Op.CONTAINS, "acme"))).containsExactly(acme);
        assertThat(filtered(new ListQuery.Filter("title", ListQuery.Op.CONTAINS, "LTD"))).containsExactly(acme);
        assertThat(filtered(new ListQuery.Filter("title", ListQuery.Op.CONTAINS, "ärger"))).containsExactly(accent);
    }

    @Test
    void rowFilterAndHiddenFieldsLimitWhatReadAndListShow() throws SQLException {
        long alices = store.create("{\"code\": \"A\", \"amount\": 5}", ALICE, EN);
        long bobs = store.create("{\"code\": \"B\", \"amount\": 6, \"lines\": [{\"item\": \"x\"}]}", BOB, EN);

        assertThat(store.read(bobs, RowFilter.ownerIn(Set.of(7L)), Set.of())).isEmpty();
        assertThat(store.read(alices, RowFilter.ownerIn(Set.of(7L)), Set.of())).isPresent();
        assertThat(store.read(alices, RowFilter.ownerIn(Set.of()), Set.of())).isEmpty();
        assertThat(scoped(RowFilter.orgIn(Set.of(80L, 99L)))).containsExactly(bobs);
        assertThat(scoped(RowFilter.dealer("D-1"))).containsExactly(alices);
        assertThat(scoped(RowFilter.dealer(null))).isEmpty();
        assertThat(scoped(RowFilter.ALL)).containsExactly(bobs, alices);

        ObjectNode withoutSecrets = store.read(bobs, RowFilter.ALL, Set.of("amount", "lines")).orElseThrow();
        assertThat(withoutSecrets.has("amount")).isFalse();
        assertThat(withoutSecrets.has("lines")).isFalse();
        assertThat(withoutSecrets.get("code").asText()).isEqualTo("B");
        Page listed = store.list(ListQuery.firstPage(10).scoped(RowFilter.ALL, Set.of("amount")));
        assertThat(listed.records()).allSatisfy(r -> assertThat(r.has("amount")).isFalse());
        // A hidden field cannot be probed through a filter or the sort either.
        assertThatThrownBy(() -> store.list(ListQuery.firstPage(10).scoped(RowFilter.ALL, Set.of("amount"))
                .withFilters(new ListQuery.Filter("amount", ListQuery.Op.GT, "5")))).isInstanceOf(InvalidQueryException.class);
        assertThatThrownBy(() -> store.list(ListQuery.firstPage(10).scoped(RowFilter.ALL, Set.of("amount"))
                .sortedBy("amount", true))).isInstanceOf(InvalidQueryException.class);
    }

    // ---- helpers

    private static Integer quantityOf(int i) {
        return i % 4 == 0 ? null : i % 3;
    }

    private List<Long> allPages(ListQuery query) throws SQLException {
        List<Long> visited = new ArrayList<>();
        Page page = store.list(query);
        visited.addAll(ids(page));
        while (page.hasMore()) {
            assertThat(page.records()).hasSize(query.pageSize());
            page = store.list(query.after(page.nextCursor()));
            visited.addAll(ids(page));
        }
        return visited;
    }

    private List<Long> filtered(ListQuery.Filter filter) throws SQLException {
        return ids(store.list(ListQuery.firstPage(50).withFilters(filter)));
    }

    private List<Long> scoped(RowFilter rows) throws SQLException {
        return ids(store.list(ListQuery.firstPage(50).scoped(rows, Set.of())));
    }

    private static List<Long> ids(Page page) {
        return page.records().stream().map(r -> r.get("id").longValue()).toList();
    }

    private long count(String table) throws SQLException {
        try (Statement s = database.connection().createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Runs {@code write} on two threads released together; each outcome is its result or its exception. */
    private static List<Object> race(Callable<Object> write) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        return write.call();
                    } catch (RuntimeException e) {
                        return e;
                    }
                }));
            }
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        } finally {
            pool.shutdown();
        }
    }
}
