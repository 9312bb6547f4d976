package io.mosaic.runtime.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import io.mosaic.api.app.AppManifest;
import io.mosaic.form.store.Actor;
import io.mosaic.runtime.form.FormRecords;
import io.mosaic.runtime.metadata.MetadataService;
import io.mosaic.runtime.security.role.RoleService;

/**
 * An app with dealers and their orders (with lines) stored from a seeded random generator, kept in memory too so
 * that tests compute every expected number themselves. Two org units; dealers 0 and 1 belong to the first, 2 and 3
 * to the second; each order belongs to its dealer's org unit and dealer code.
 */
final class ReportFixture {

    static final String ACTOR = "analyst";
    static final String[] DEALERS = {"Alpha", "Bravo", "=cmd|' /C calc'!A0", "Delta"};
    static final String[] PRODUCTS = {"pump", "valve", "hose"};
    /** The area of each dealer, in a tree East → Shanghai → Pudong. */
    static final String[] AREAS = {"Pudong", "Pudong", "Shanghai", "East"};

    record Line(String product, int quantity, BigDecimal amount) {
    }

    record Order(long id, int dealer, LocalDate date, String status, BigDecimal total, BigDecimal cost, String remark,
                 List<Line> lines) {
        boolean approved() {
            return status.equals("approved");
        }

        BigDecimal amount() {
            return lines.stream().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    final String app;
    final long[] orgs;
    final long[] dealerIds = new long[DEALERS.length];
    final List<Order> orders = new ArrayList<>();

    ReportFixture(String app, long northOrg, long southOrg) {
        this.app = app;
        this.orgs = new long[]{northOrg, northOrg, southOrg, southOrg};
    }

    static String dealerCode(int dealer) {
        return "D" + dealer;
    }

    static String read(String name) {
        try (InputStream in = ReportFixture.class.getResourceAsStream("/report/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void install(MetadataService metadata, RoleService roles, String manifest, FormRecords records) throws Exception {
        metadata.createApp(app, manifest, ACTOR);
        roles.upsertAppRoles(app, AppManifest.read(manifest).roles());
        metadata.publishContent(app, "form", "area", read("area.form.json"), null, ACTOR);
        metadata.publishContent(app, "form", "dealer", read("dealer.form.json"), null, ACTOR);
        Actor system = new Actor(1, null, null);
        long east = records.systemStore(app, "area").create("{\"name\": \"East\"}", system, Locale.ENGLISH);
        long shanghai = records.systemStore(app, "area").create("{\"name\": \"Shanghai\", \"parent\": " + east + "}",
                system, Locale.ENGLISH);
        long pudong = records.systemStore(app, "area").create("{\"name\": \"Pudong\", \"parent\": " + shanghai
                + "}", system, Locale.ENGLISH);
        long[] areas = {pudong, pudong, shanghai, east};
        metadata.publishContent(app, "form", "order", read("order.form.json"), null, ACTOR);
        for (int d = 0; d < DEALERS.length; d++) {
            dealerIds[d] = records.systemStore(app, "dealer").create("{\"name\": " + quoted(DEALERS[d])
                            + ", \"region\": \"" + (d < 2 ? "north" : "south") + "\", \"area\": " + areas[d]
                            + ", \"credit_limit\": 1000}",
                    new Actor(1, orgs[d], dealerCode(d)), Locale.ENGLISH);
        }
        Random random = new Random(42);
        LocalDate first = LocalDate.of(2025, 11, 20);
        for (int i = 0; i < 60; i++) {
            int dealer = random.nextInt(DEALERS.length);
            LocalDate date = first.plusDays(random.nextInt(150));
            String status = random.nextInt(5) == 0 ? "draft" : "approved";
            List<Line> lines = new ArrayList<>();
            int count = 1 + random.nextInt(3);
            for (int l = 0; l < count; l++) {
                lines.add(new Line(PRODUCTS[random.nextInt(PRODUCTS.length)], 1 + random.nextInt(9),
                        BigDecimal.valueOf(100 + random.nextInt(99_900), 2)));
            }
            BigDecimal total = BigDecimal.valueOf(1000 + random.nextInt(900_000), 2);
            BigDecimal cost = total.divide(BigDecimal.valueOf(2), 2, java.math.RoundingMode.DOWN);
            String remark = i % 7 == 0 ? "=HYPERLINK(\"http://x\")" : i % 3 == 0 ? "rush" : "";
            orders.add(store(records, dealer, date, status, total, cost, remark, lines));
        }
    }

    Order store(FormRecords records, int dealer, LocalDate date, String status, BigDecimal total, BigDecimal cost,
                String remark, List<Line> lines) throws Exception {
        StringBuilder json = new StringBuilder("{\"dealer\": " + dealerIds[dealer] + ", \"order_date\": \"" + date
                + "\", \"status\": \"" + status + "\", \"total\": " + total + ", \"cost\": " + cost
                + ", \"remark\": " + quoted(remark) + ", \"lines\": [");
        for (int l = 0; l < lines.size(); l++) {
            Line line = lines.get(l);
            json.append(l == 0 ? "" : ", ").append("{\"product\": \"").append(line.product()).append("\", \"quantity\": ")
                    .append(line.quantity()).append(", \"amount\": ").append(line.amount()).append('}');
        }
        json.append("]}");
        long id = records.systemStore(app, "order").create(json.toString(),
                new Actor(1, orgs[dealer], dealerCode(dealer)), Locale.ENGLISH);
        return new Order(id, dealer, date, status, total, cost, remark, lines);
    }

    static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
