package io.mosaic.runtime.pack;

import static io.mosaic.runtime.pack.Installation.expect;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.flowable.engine.RepositoryService;
import org.flowable.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mosaic.api.app.AppManifest;
import io.mosaic.runtime.metadata.DefinitionSummary;
import io.mosaic.runtime.metadata.MetadataService;
import io.mosaic.runtime.security.Browser;

/**
 * The dealer pack moved to another installation: exported from installation A, where the analyst has changed a label
 * and added a form in the designer, and imported into B, started on an empty database without the sample pack. B
 * then behaves as A does: the same definitions, roles, grants and menus, processes, decisions and report numbers over
 * the same demo data, and an order over credit goes to finance and, approved, to the warehouse. The last test changes
 * B's data.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DealerPackMoveTest {

    private static final String APP = Installation.APP;
    private static final String EDITED_NAME = "Dealer purchase order";
    /** A form the analyst adds in the designer, which the app manifest does not list. */
    private static final String NEW_FORM = "visit_log";
    /** A role the admin adds on A's Roles page. */
    private static final String AUDITOR = "auditor";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger log = LoggerFactory.getLogger(DealerPackMoveTest.class);

    private static Installation a;
    private static Installation b;
    private static byte[] exported;
    private static boolean bHadTheAppBeforeTheImport;
    private static JsonNode dryRun;
    private static JsonNode applied;

    @BeforeAll
    static void exportFromAnEditedInstallationAndImportIntoAnEmptyOne() throws Exception {
        a = Installation.start("move_a");
        ObjectNode order = (ObjectNode) JSON.readTree(expect(a.as("analyst").get("/api/apps/dms/definitions/form/order"),
                200).path("content").asText());
        ((ObjectNode) order.path("name")).put("en", EDITED_NAME);
        expect(a.as("analyst").send("PUT", "/api/apps/dms/definitions/form/order", order.toString()), 200);
        expect(a.as("analyst").post("/api/apps/dms/definitions/form/order/publish", "{\"comment\": \"Clearer name\"}"),
                201);
        expect(a.as("analyst").send("PUT", "/api/apps/dms/definitions/form/" + NEW_FORM, """
                {"key": "%s", "name": {"zh-CN": "拜访记录", "en": "Dealer visits"},
                 "fields": [{"key": "note", "type": "text", "label": {"zh-CN": "备注", "en": "Note"}}]}"""
                .formatted(NEW_FORM)), 200);
        expect(a.as("analyst").post("/api/apps/dms/definitions/form/" + NEW_FORM + "/publish", "{}"), 201);
        // On A's Roles page the admin lets the warehouse read expense claims and adds an auditor who reads orders
        // with the credit fields hidden: grants the pack's manifest does not have.
        JsonNode warehouse = expect(a.as("admin").get("/api/roles/warehouse"), 200);
        ArrayNode warehouseGrants = (ArrayNode) warehouse.path("grants").deepCopy();
        warehouseGrants.addObject().put("app", APP).put("form", "expense_claim").put("rowScope", "all")
                .putArray("actions").add("read");
        expect(a.as("admin").send("PUT", "/api/roles/warehouse/grants", warehouseGrants.toString()), 200);
        expect(a.as("admin").post("/api/roles", """
                {"key": "%s", "nameZh": "审计", "nameEn": "Auditor"}""".formatted(AUDITOR)), 201);
        expect(a.as("admin").send("PUT", "/api/roles/" + AUDITOR + "/grants", """
                [{"app": "%s", "form": "order", "actions": ["read"], "rowScope": "all",
                  "fields": {"over_credit": "hidden"}}]""".formatted(APP)), 200);
        long exporting = System.nanoTime();
        exported = a.as("analyst").download("/api/apps/dms/export");
        long exportMillis = (System.nanoTime() - exporting) / 1_000_000;

        b = Installation.start("move_b", "--mosaic.samples.install-on-first-start=false", "--mosaic.demo.size=");
        bHadTheAppBeforeTheImport = b.bean(MetadataService.class).app(APP).isPresent();
        dryRun = expect(b.as("analyst").upload("/api/packs/import?dryRun=true", "file", "dms.zip", exported), 200);
        long importing = System.nanoTime();
        applied = expect(b.as("analyst").upload("/api/packs/import", "file", "dms.zip", exported), 200);
        long importMillis = (System.nanoTime() - importing) / 1_000_000;
        expect(b.as("admin").post("/api/demo-data?size=demo", null), 201);
        log.info("Moved {}: export {} ms ({} bytes), import into an empty installation {} ms", APP, exportMillis,
                exported.length, importMillis);
    }

    @AfterAll
    static void stop() {
        for (Installation node : new Installation[] {a, b}) {
            if (node != null) {
                node.close();
            }
        }
    }

    @Test
    @Order(1)
    void bStartedWithoutThePackAndTheImportInstalledTheExportedVersion() {
        String version = AppManifest.read(a.bean(MetadataService.class).latestPublished(APP, MetadataService.APP_KIND,
                APP).orElseThrow().content()).version().toString();

        assertThat(bHadTheAppBeforeTheImport).isFalse();
        assertThat(dryRun.path("mode").asText()).isEqualTo("install");
        assertThat(dryRun.path("changes")).allSatisfy(change -> assertThat(change.path("change").asText()).isEqualTo("add"));
        assertThat(applied.path("applied").asBoolean()).isTrue();
        assertThat(b.bean(MetadataService.class).app(APP).orElseThrow().version()).isEqualTo(version);
    }

    @Test
    @Order(2)
    void theExportCarriesTheAnalystsPublishedEditNotTheShippedFile() throws Exception {
        PackFiles files = a.bean(PackService.class).read(new ByteArrayInputStream(exported));

        assertThat(JSON.readTree(files.text("order.form.json")).path("name").path("en").asText()).isEqualTo(EDITED_NAME);
        assertThat(JSON.readTree(published(b, "form", "order")).path("name").path("en").asText()).isEqualTo(EDITED_NAME);
    }

    @Test
    @Order(3)
    void everyDefinitionArrivesWithTheSameContentAndTheManifestListsTheDesignersNewForm() throws Exception {
        Map<String, String> onA = definitions(a);
        Map<String, String> onB = definitions(b);
        ObjectNode manifestA = (ObjectNode) JSON.readTree(onA.remove("app/" + APP));
        ObjectNode manifestB = (ObjectNode) JSON.readTree(onB.remove("app/" + APP));

        assertThat(onB).isEqualTo(onA).containsKey("form/" + NEW_FORM);
        assertThat(onA.keySet().stream().map(id -> id.substring(0, id.indexOf('/'))).distinct())
                .contains("form", "flow", "process", "rules", "decision", "dataset", "report", "dashboard");
        ((ArrayNode) manifestA.path("definitions")).addObject()
                .put("kind", "form").put("key", NEW_FORM);
        // The roles carry the Roles page's edits (next test); all else is A's manifest.
        manifestA.remove("roles");
        manifestB.remove("roles");
        assertThat(manifestB).isEqualTo(manifestA);
    }

    @Test
    @Order(4)
    void rolesGrantsRowScopesAndMenusAreTheSame() {
        List<String> roles = new ArrayList<>(AppManifest.read(published(a, MetadataService.APP_KIND, APP)).roles()
                .stream().map(AppManifest.Role::key).toList());
        roles.add(AUDITOR);

        // The grants as A's Roles page left them, the admin's edits included, not as the shipped manifest had them.
        Map<String, TreeSet<String>> onB = grants(b, roles);
        assertThat(onB).isEqualTo(grants(a, roles)).containsKeys("dealer", "region_manager", "finance", AUDITOR);
        assertThat(onB.get("warehouse")).anyMatch(grant -> grant.contains("\"expense_claim\""));
        assertThat(onB.get(AUDITOR)).singleElement().asString().contains("\"over_credit\":\"hidden\"");
        assertThat(expect(b.as("admin").get("/api/roles/" + AUDITOR), 200).path("nameZh").asText()).isEqualTo("审计");
        for (String user : List.of("director", "manager_east", "finance", "warehouse", "purchasing", "marketing",
                "dealer_a")) {
            assertThat(expect(b.as(user).get("/api/apps/dms/menu"), 200)).as(user)
                    .isEqualTo(expect(a.as(user).get("/api/apps/dms/menu"), 200));
        }
    }

    @Test
    @Order(5)
    void theSameProcessesAreDeployed() {
        assertThat(processes(b)).isEqualTo(processes(a)).contains("order_approval", "dealer_admission",
                "expense_approval", "rebate_confirmation");
    }

    @Test
    @Order(6)
    void theRebateTableGivesTheSameRates() {
        for (String level : List.of("A", "B", "C", "D")) {
            for (int sales : List.of(100_000, 1_200_000, 3_000_000, 6_000_000)) {
                String inputs = "{\"inputs\": {\"quarter_sales\": " + sales + ", \"dealer_level\": \"" + level + "\"}}";
                JsonNode onB = expect(b.as("analyst").post("/api/apps/dms/decisions/rebate_policy/simulate", inputs), 200);
                assertThat(onB.path("outputs")).as(inputs)
                        .isEqualTo(expect(a.as("analyst").post("/api/apps/dms/decisions/rebate_policy/simulate", inputs),
                                200).path("outputs"));
                if (sales == 1_200_000) {
                    assertThat(onB.path("outputs").path("rate").decimalValue()).isEqualByComparingTo("0.015");
                }
            }
        }
    }

    @Test
    @Order(7)
    void everyReportReturnsTheSameNumbersOverTheSameDemoDataAndDealersSeeOnlyTheirOwn() {
        List<String> withRows = new ArrayList<>();
        for (String report : keysOf(a, "report")) {
            for (String user : List.of("director", "dealer_a")) {
                String path = "/api/apps/dms/reports/" + report + "/data";
                Browser.Response onA = a.as(user).get(path);
                Browser.Response onB = b.as(user).get(path);
                // A report over a form the user may not read is refused alike on both.
                assertThat(onB.status()).as(user + " " + report).isEqualTo(onA.status());
                if (onB.status() == 200) {
                    // as sets: rows that tie on the sort may come in either order (MariaDB)
                    assertThat(rows(onB)).as(user + " " + report).containsExactlyInAnyOrderElementsOf(rows(onA));
                    if (!onB.json().path("rows").isEmpty()) {
                        withRows.add(user + " " + report);
                    }
                }
            }
        }
        assertThat(withRows).contains("director dealer_ranking", "dealer_a sales_total");
        JsonNode ownOrders = expect(b.as("dealer_a").get("/api/apps/dms/forms/order/records?size=200"), 200);
        assertThat(ownOrders.path("total").asInt()).isPositive()
                .isEqualTo(expect(a.as("dealer_a").get("/api/apps/dms/forms/order/records?size=1"), 200).path("total").asInt());
        assertThat(ownOrders.path("items")).allSatisfy(o -> assertThat(o.path("dealer_id").asText()).isEqualTo("D001"));
    }

    @Test
    @Order(8)
    void onBAnOrderOverCreditGoesToFinanceAndOnceApprovedToTheWarehouse() {
        JsonNode dealer = expect(b.as("dealer_a").get("/api/apps/dms/forms/dealer/records?size=1"), 200).path("items").get(0);
        JsonNode product = expect(b.as("dealer_a").get("/api/apps/dms/forms/product/records?size=1"), 200).path("items").get(0);
        BigDecimal price = product.path("list_price").decimalValue();
        long quantity = dealer.path("available_credit").decimalValue().divide(price, 0, RoundingMode.DOWN).longValue() + 10;
        long order = b.create("dealer_a", "order", """
                {"dealer": %d, "order_date": "%s", "payment": "credit",
                 "lines": [{"product": %d, "quantity": %d, "price": %s}]}""".formatted(dealer.path("id").asLong(),
                LocalDate.now(), product.path("id").asLong(), quantity, price), true);

        JsonNode submitted = b.read("dealer_a", "order", order);
        assertThat(submitted.path("over_credit").decimalValue()).isPositive();
        assertThat(b.todo("manager_east", "order", order)).isNull();
        b.approve("finance", "order", order);

        assertThat(b.read("dealer_a", "order", order).path("status").asText()).isEqualTo("approved");
        String expected = "New order to ship: " + submitted.path("number").asText();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        List<String> titles = List.of();
        while (!titles.contains(expected) && Instant.now().isBefore(deadline)) {
            b.deliverOutbox();
            titles = expect(b.as("warehouse").get("/api/notifications?size=50"), 200).path("items").findValuesAsText("en");
        }
        assertThat(titles).contains(expected);
    }

    private static List<String> rows(Browser.Response report) {
        List<String> rows = new ArrayList<>();
        report.json().path("rows").forEach(row -> rows.add(row.toString()));
        return rows;
    }

    private static String published(Installation node, String kind, String key) {
        return node.bean(MetadataService.class).latestPublished(APP, kind, key).orElseThrow().content();
    }

    /** kind/key → the newest published content, for every definition of the app and its manifest. */
    private static Map<String, String> definitions(Installation node) {
        Map<String, String> contents = new TreeMap<>();
        for (DefinitionSummary summary : node.bean(MetadataService.class).definitions(APP, null)) {
            contents.put(summary.kind() + "/" + summary.key(), published(node, summary.kind(), summary.key()));
        }
        return contents;
    }

    private static List<String> keysOf(Installation node, String kind) {
        return node.bean(MetadataService.class).definitions(APP, kind).stream().map(DefinitionSummary::key).toList();
    }

    /** Role → its grants on this app, as JSON text in a stable order. */
    private static Map<String, TreeSet<String>> grants(Installation node, List<String> roles) {
        Map<String, TreeSet<String>> grants = new TreeMap<>();
        for (JsonNode role : expect(node.as("admin").get("/api/roles"), 200)) {
            if (roles.contains(role.path("key").asText())) {
                TreeSet<String> own = new TreeSet<>();
                role.path("grants").forEach(grant -> {
                    if (APP.equals(grant.path("app").asText())) {
                        own.add(grant.toString());
                    }
                });
                grants.put(role.path("key").asText(), own);
            }
        }
        return grants;
    }

    /** The keys of the processes Flowable has deployed. */
    private static List<String> processes(Installation node) {
        List<String> keys = new ArrayList<>();
        for (ProcessDefinition definition : node.bean(RepositoryService.class).createProcessDefinitionQuery()
                .latestVersion().orderByProcessDefinitionKey().asc().list()) {
            keys.add(definition.getKey());
        }
        return keys;
    }
}
