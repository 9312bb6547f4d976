package io.mosaic.runtime.pack;

import static io.mosaic.runtime.pack.Installation.expect;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import javax.imageio.ImageIO;
import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import io.mosaic.form.store.SqlNames;
import io.mosaic.runtime.metadata.DefinitionSummary;
import io.mosaic.runtime.metadata.MetadataService;
import io.mosaic.runtime.support.DatabaseFingerprint;

/**
 * Upgrading the dealer pack on an installation full of data: the README's demo start (the shipped pack and the demo
 * data) plus a record in each workflow state and a product photo, then the next version of the pack
 * ({@link NextDmsPack}: a customer PO number on the order form and a report over it) through the admin's import, dry
 * run first. The tests run in order:
 * the first ones look at the installation as the upgrade left it, the later ones change it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DealerPackUpgradeTest {

    private static final String APP = Installation.APP;
    private static final Logger log = LoggerFactory.getLogger(DealerPackUpgradeTest.class);

    private static Installation node;
    private static Map<String, Integer> versionsBefore;
    private static Map<String, List<String>> columnsBefore;
    private static Map<String, List<String>> rowsBefore;
    private static Map<String, String> fingerprintBeforeDryRun;
    private static Map<String, String> fingerprintAfterDryRun;
    private static JsonNode dryRun;
    private static long dealerA;
    private static long product;
    private static BigDecimal listPrice;
    private static long pendingOrder;
    private static long confirmedStatement;
    private static byte[] photo;
    private static String photoId;

    @BeforeAll
    static void anInstallationFullOfDataUpgradedToTheNextVersion() {
        node = Installation.start("upgrade");
        node.as("admin");

        // A record in each workflow state beside the demo data: an order waiting for the region manager (a line below
        // the list price), and a rebate statement finance sent and the dealer confirmed.
        dealerA = expect(node.as("dealer_a").get("/api/apps/dms/forms/dealer/records?size=1"), 200)
                .path("items").get(0).path("id").asLong();
        JsonNode listed = expect(node.as("dealer_a").get("/api/apps/dms/forms/product/records?size=1"), 200)
                .path("items").get(0);
        product = listed.path("id").asLong();
        listPrice = listed.path("list_price").decimalValue();
        pendingOrder = node.create("dealer_a", "order", order(listPrice.subtract(BigDecimal.ONE), null), true);
        assertThat(node.todo("manager_east", "order", pendingOrder)).isNotNull();
        confirmedStatement = node.create("finance", "rebate_statement", """
                {"dealer": %d, "period": "2026-Q1", "sales": 800000, "rate": 0.015, "amount": 12000}"""
                .formatted(dealerA), false);
        expect(node.as("finance").post("/api/apps/dms/forms/rebate_statement/records/" + confirmedStatement
                + "/submit", "{}"), 200);
        node.approve("dealer_a", "rebate_statement", confirmedStatement);
        assertThat(node.read("dealer_a", "rebate_statement", confirmedStatement).path("status").asText())
                .isEqualTo("confirmed");

        // and an attachment: a photo on the product
        photo = png();
        JsonNode uploaded = expect(node.as("admin").upload("/api/apps/dms/forms/product/files?field=photo", "file",
                "photo.png", photo), 201);
        photoId = uploaded.path("id").asText();
        expect(node.as("admin").send("PATCH", "/api/apps/dms/forms/product/records/" + product, "{\"photo\": ["
                + uploaded + "], \"version\": " + node.read("admin", "product", product).path("version").asInt() + "}"),
                200);

        versionsBefore = publishedVersions();
        columnsBefore = formColumns(node.dataSource());
        rowsBefore = formRows(node.dataSource(), columnsBefore);
        byte[] next = zip(NextDmsPack.files());

        fingerprintBeforeDryRun = DatabaseFingerprint.of(node.dataSource());
        long start = System.nanoTime();
        dryRun = expect(node.as("admin").upload("/api/packs/import?dryRun=true", "file", "dms-next.zip", next), 200);
        long planned = System.nanoTime();
        fingerprintAfterDryRun = DatabaseFingerprint.of(node.dataSource());
        long applying = System.nanoTime();
        expect(node.as("admin").upload("/api/packs/import", "file", "dms-next.zip", next), 200);
        log.info("Upgrade of {} {} to {} with the demo data ({} rows in form tables): dry run {} ms, import {} ms", APP,
                NextDmsPack.shippedVersion(), NextDmsPack.version(),
                rowsBefore.values().stream().mapToInt(List::size).sum(), (planned - start) / 1_000_000,
                (System.nanoTime() - applying) / 1_000_000);
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    @Order(1)
    void theDryRunShowsAnUpgradeThatAddsTheColumnAndTheReportAndWritesNothing() {
        assertThat(dryRun.path("mode").asText()).isEqualTo("upgrade");
        assertThat(dryRun.path("fromVersion").asText()).isEqualTo(NextDmsPack.shippedVersion());
        assertThat(dryRun.path("toVersion").asText()).isEqualTo(NextDmsPack.version());
        assertThat(dryRun.path("applied").asBoolean()).isFalse();
        Map<String, JsonNode> changes = new HashMap<>();
        dryRun.path("changes").forEach(change -> changes.put(change.path("kind").asText() + "/"
                + change.path("key").asText(), change));
        assertThat(changes.get("form/order").path("change").asText()).isEqualTo("update");
        assertThat(changes.get("form/order").path("ddl")).extracting(JsonNode::asText).containsExactly(
                "ALTER TABLE `" + SqlNames.table(APP, "order") + "` ADD COLUMN `po_number` VARCHAR(40)");
        assertThat(changes.get("dataset/order_po").path("change").asText()).isEqualTo("add");
        assertThat(changes.get("report/orders_by_po").path("change").asText()).isEqualTo("add");
        changes.forEach((id, change) -> {
            if (!List.of("form/order", "dataset/order_po", "report/orders_by_po").contains(id)) {
                assertThat(change.path("change").asText()).as(id).isEqualTo("unchanged");
            }
        });
        assertThat(fingerprintAfterDryRun).isEqualTo(fingerprintBeforeDryRun);
    }

    @Test
    @Order(2)
    void everyRecordIsKeptFieldByFieldWithItsVersionsAndHistory() {
        Map<String, List<String>> after = formRows(node.dataSource(), columnsBefore);

        assertThat(after.keySet()).containsExactlyElementsOf(rowsBefore.keySet());
        rowsBefore.forEach((table, rows) -> assertThat(after.get(table)).as(table).containsExactlyElementsOf(rows));
        assertThat(rowsBefore.get(table("order"))).hasSizeGreaterThan(300);
        assertThat(formColumns(node.dataSource()).get(table("order"))).contains("po_number");
    }

    @Test
    @Order(3)
    void theProductsPhotoIsStillServed() {
        assertThat(node.read("admin", "product", product).path("photo").get(0).path("id").asText()).isEqualTo(photoId);
        assertThat(node.as("dealer_a").download("/api/apps/dms/forms/product/files/" + photoId)).isEqualTo(photo);
    }

    @Test
    @Order(4)
    void theNewVersionIsPublishedAndOnlyTheChangedDefinitionsGetANewVersion() {
        Map<String, Integer> after = publishedVersions();

        assertThat(node.bean(MetadataService.class).app(APP).orElseThrow().version()).isEqualTo(NextDmsPack.version());
        assertThat(after.get("form/order")).isEqualTo(versionsBefore.get("form/order") + 1);
        assertThat(after.get("dataset/order_po")).isEqualTo(1);
        assertThat(after.get("report/orders_by_po")).isEqualTo(1);
        versionsBefore.forEach((id, version) -> {
            if (!id.equals("form/order") && !id.equals("app/" + APP)) {
                assertThat(after.get(id)).as(id).isEqualTo(version);
            }
        });
    }

    @Test
    @Order(5)
    void theApprovalOpenBeforeTheUpgradeCompletesAfterIt() {
        node.approve("manager_east", "order", pendingOrder);

        JsonNode approved = node.read("dealer_a", "order", pendingOrder);
        assertThat(approved.path("workflow_status").asText()).isEqualTo("approved");
        assertThat(approved.path("status").asText()).isEqualTo("approved");
        assertThat(node.todo("manager_east", "order", pendingOrder)).isNull();
    }

    @Test
    @Order(6)
    void theNewFieldIsWritableOnNewAndOldOrdersAndTheNewReportSumsIt() {
        long first = node.create("dealer_a", "order", order(listPrice, "PO-A1"), false);
        long second = node.create("dealer_a", "order", order(listPrice, "PO-A1"), false);
        long third = node.create("dealer_a", "order", order(listPrice, "PO-A2"), false);
        JsonNode old = expect(node.as("director").get("/api/apps/dms/forms/order/records?size=1&filter=status:eq:draft"),
                200).path("items").get(0);
        expect(node.as("director").send("PATCH", "/api/apps/dms/forms/order/records/" + old.path("id").asLong(),
                "{\"po_number\": \"PO-OLD\", \"version\": " + old.path("version").asInt() + "}"), 200);

        assertThat(node.read("dealer_a", "order", first).path("po_number").asText()).isEqualTo("PO-A1");
        JsonNode report = expect(node.as("director").get("/api/apps/dms/reports/orders_by_po/data"), 200);
        Map<String, List<BigDecimal>> rows = new TreeMap<>();
        report.path("rows").forEach(row -> rows.put(row.get(0).asText(),
                List.of(row.get(1).decimalValue(), row.get(2).decimalValue())));
        assertThat(rows).containsOnlyKeys("PO-A1", "PO-A2", "PO-OLD");
        assertThat(rows.get("PO-A1").get(0)).isEqualByComparingTo("2");
        assertThat(rows.get("PO-A1").get(1)).isEqualByComparingTo(payable(first).add(payable(second)));
        assertThat(rows.get("PO-A2").get(1)).isEqualByComparingTo(payable(third));
        assertThat(rows.get("PO-OLD").get(0)).isEqualByComparingTo("1");
        assertThat(rows.get("PO-OLD").get(1)).isEqualByComparingTo(old.path("payable").decimalValue());
    }

    @Test
    @Order(7)
    void theOlderAndTheSameVersionAreRefusedAndChangeNothing() {
        Map<String, String> before = DatabaseFingerprint.of(node.dataSource());
        Map<String, Integer> versions = publishedVersions();

        JsonNode downgrade = expect(node.as("admin").upload("/api/packs/import", "file", "dms.zip",
                zip(NextDmsPack.shipped())), 409);
        JsonNode again = expect(node.as("admin").upload("/api/packs/import", "file", "dms-next.zip",
                zip(NextDmsPack.files())), 409);

        assertThat(downgrade.path("code").asText()).isEqualTo("pack.downgrade");
        assertThat(downgrade.path("message").asText()).contains(NextDmsPack.version(), NextDmsPack.shippedVersion());
        assertThat(again.path("code").asText()).isEqualTo("pack.same_version");
        assertThat(DatabaseFingerprint.of(node.dataSource())).isEqualTo(before);
        assertThat(publishedVersions()).isEqualTo(versions);
    }

    /** One line of the product; {@code poNumber} null leaves the field out, as the shipped form does not know it. */
    private static String order(BigDecimal price, String poNumber) {
        return """
                {"dealer": %d, "order_date": "%s", "payment": "prepaid",%s
                 "lines": [{"product": %d, "quantity": 1, "price": %s}]}""".formatted(dealerA, LocalDate.now(),
                poNumber == null ? "" : " \"po_number\": \"" + poNumber + "\",", product, price);
    }

    private static byte[] png() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static BigDecimal payable(long order) {
        return node.read("dealer_a", "order", order).path("payable").decimalValue();
    }

    private static byte[] zip(Map<String, byte[]> files) {
        return node.bean(PackService.class).pack(files);
    }

    /** Kind/key → the newest published version number, for every definition of the app and its manifest. */
    private static Map<String, Integer> publishedVersions() {
        MetadataService metadata = node.bean(MetadataService.class);
        Map<String, Integer> versions = new TreeMap<>();
        for (DefinitionSummary summary : metadata.definitions(APP, null)) {
            versions.put(summary.kind() + "/" + summary.key(), metadata.latestPublished(APP, summary.kind(),
                    summary.key()).orElseThrow().version());
        }
        return versions;
    }

    private static String table(String form) {
        return SqlNames.table(APP, form).toLowerCase(Locale.ROOT);
    }

    /** The form tables (records, sub-table rows, history, serial counters; names in lower case) and their columns. */
    private static Map<String, List<String>> formColumns(DataSource dataSource) {
        Map<String, List<String>> columns = new TreeMap<>();
        try (Connection c = dataSource.getConnection();
             ResultSet rs = c.getMetaData().getColumns(c.getCatalog(), null, "%", "%")) {
            while (rs.next()) {
                String tableName = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (tableName.startsWith("f_")) {
                    columns.computeIfAbsent(tableName, t -> new ArrayList<>())
                            .add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return columns;
    }

    /** Every row of the given tables in the given columns, as text, sorted. */
    private static Map<String, List<String>> formRows(DataSource dataSource, Map<String, List<String>> columns) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        Map<String, List<String>> rows = new LinkedHashMap<>();
        columns.forEach((tableName, names) -> {
            String select = "SELECT " + String.join(", ", names.stream().map(SqlNames::quote).toList()) + " FROM "
                    + SqlNames.quote(tableName);
            List<String> found = new ArrayList<>(jdbc.query(select, (rs, n) -> {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= names.size(); i++) {
                    row.append(rs.getString(i)).append('|');
                }
                return row.toString();
            }));
            found.sort(null);
            rows.put(tableName, found);
        });
        return rows;
    }
}
