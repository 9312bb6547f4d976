package io.mosaic.runtime.demo;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mosaic.form.store.Actor;
import io.mosaic.form.store.ListQuery;
import io.mosaic.form.store.Page;
import io.mosaic.form.store.RecordStore;
import io.mosaic.form.store.RowFilter;
import io.mosaic.form.store.SystemColumns;
import io.mosaic.runtime.form.FormRecords;
import io.mosaic.runtime.rule.DecisionRuns;
import io.mosaic.runtime.security.org.OrgService;
import io.mosaic.runtime.security.org.OrgUnit;
import io.mosaic.runtime.security.user.User;
import io.mosaic.runtime.security.user.UserService;
import io.mosaic.samples.SamplePacks;

/**
 * Demo data for the dealer-management sample pack: regions run by the demo region managers, dealers (D001 of
 * {@code dealer_a} in the East, D002 of {@code dealer_b} in the North, and more), products, orders over the last
 * 24 months in every status (two years, so sales compare with last year), shipments of shipped orders, stock per
 * product and warehouse (some below the safety stock), opportunities, marketing expense claims, and the rebate
 * statements of the last four closed quarters from the pack's own rebate run. Every value comes from one fixed seed,
 * so a size on the same day always gives the same data. Records are written through the forms' own record stores, so
 * serial numbers, formulas, rules and the row-scope columns (the dealer code and region org unit) are the ones a
 * user's save would give.
 */
@Service
public class DemoData {

    static final String APP = SamplePacks.DEALER_MANAGEMENT;
    static final long SEED = 20_240_601L;
    /** Orders written per transaction: large enough that a million lines do not pay a commit per order. */
    private static final int CHUNK = 500;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    /** Region code, name, the org unit it is, and its manager, as the demo profile creates them. */
    private static final List<String[]> REGIONS = List.of(new String[] {"EAST", "华东大区 East", "east", "manager_east"},
            new String[] {"NORTH", "华北大区 North", "north", "manager_north"});
    /** The demo dealer users, bound to the first dealers. */
    private static final List<String> DEALER_USERS = List.of("dealer_a", "dealer_b");
    private static final List<String> STATUSES = List.of("draft", "submitted", "approved", "approved", "rejected",
            "shipped", "shipped", "shipped");
    private static final List<String> CATEGORIES = List.of("appliance", "accessory", "service");
    private static final List<String> UNITS = List.of("piece", "box", "set");
    /** Orders go back this many days: two years, so that this year's months have last year's to compare with. */
    static final int DAYS_BACK = 730;
    /**
     * At most this many shipments: the shipped orders beyond it stay without one at the large sizes, which are about
     * order-line volume (a shipment is written without its rule, whose only effect, the order's status, is there).
     */
    static final int MAX_SHIPMENTS = 2_000;
    static final List<String> WAREHOUSES = List.of("sh", "bj", "gz");
    /** Marketing activities: the name and its type. */
    private static final List<String[]> ACTIVITIES = List.of(new String[] {"春季新品发布会 Spring launch", "exhibition"},
            new String[] {"618 门店促销 June promotion", "promotion"},
            new String[] {"双11 线上广告 Singles' Day ads", "advertising"},
            new String[] {"经销商培训营 Dealer training", "training"},
            new String[] {"秋季展会 Autumn fair", "exhibition"},
            new String[] {"年货节促销 New-year promotion", "promotion"});

    private final FormRecords records;
    private final UserService users;
    private final OrgService orgs;
    private final DecisionRuns decisionRuns;
    private final Clock clock;

    public DemoData(FormRecords records, UserService users, OrgService orgs, DecisionRuns decisionRuns, Clock clock) {
        this.records = records;
        this.users = users;
        this.orgs = orgs;
        this.decisionRuns = decisionRuns;
        this.clock = clock;
    }

    /** What one generation wrote and how long it took. */
    public record Generated(DemoSize size, int regions, int dealers, int products, int orders, long lines,
                            int shipments, int inventory, int opportunities, int expenseClaims, int rebateStatements,
                            long millis) {
    }

    /** A shipped order a shipment is written for: its id, date, dealer's position and lines. */
    record Shipped(long id, LocalDate date, int dealer, ArrayNode lines) {
    }

    /**
     * Generates {@code size} unless the installation already has dealers or orders (a restart, or data of its own).
     *
     * @return what was written, or null when nothing was
     */
    public synchronized Generated generateIfEmpty(DemoSize size) throws SQLException {
        if (hasAny("dealer") || hasAny("order")) {
            log.info("Demo data not generated: the {} app already has dealers or orders", APP);
            return null;
        }
        long start = System.nanoTime();
        Actor actor = new Actor(user("admin").orElseThrow(() -> new IllegalStateException(
                "Demo data needs the admin user as the records' owner")), null, null);
        SplittableRandom random = new SplittableRandom(SEED);
        List<Long> regionIds = records.systemStore(APP, "region").createAll(regions(), actor, Locale.ENGLISH);
        List<ObjectNode> dealers = dealers(size, regionIds);
        List<Long> dealerIds = records.systemStore(APP, "dealer").createAll(json(dealers), actor, Locale.ENGLISH);
        List<ObjectNode> products = products(random);
        List<Long> productIds = records.systemStore(APP, "product").createAll(json(products), actor, Locale.ENGLISH);
        List<BigDecimal> prices = products.stream().map(p -> p.get("list_price").decimalValue()).toList();
        RecordStore orderStore = records.systemStore(APP, "order");
        LocalDate today = LocalDate.now(clock);
        long lines = 0;
        List<Shipped> shipped = new ArrayList<>();
        for (int first = 0; first < size.orders(); first += CHUNK) {
            List<ObjectNode> chunk = orders(random, first, Math.min(first + CHUNK, size.orders()), today, dealerIds,
                    productIds, prices);
            lines += chunk.stream().mapToInt(o -> o.get("lines").size()).sum();
            List<Long> ids = orderStore.createAll(json(chunk), actor, Locale.ENGLISH);
            for (int i = 0; i < chunk.size() && shipped.size() < MAX_SHIPMENTS; i++) {
                ObjectNode order = chunk.get(i);
                if ("shipped".equals(order.get("status").asText())) {
                    shipped.add(new Shipped(ids.get(i), LocalDate.parse(order.get("order_date").asText()),
                            dealerIds.indexOf(order.get("dealer").asLong()), (ArrayNode) order.get("lines")));
                }
            }
        }
        long ordersDone = System.nanoTime();
        List<ObjectNode> shipments = shipments(random, shipped, today);
        records.systemStoreWithoutRules(APP, "shipment").createAll(json(shipments), actor, Locale.ENGLISH);
        List<ObjectNode> stock = inventory(random, productIds);
        records.systemStore(APP, "inventory").createAll(json(stock), actor, Locale.ENGLISH);
        List<ObjectNode> opportunities = opportunities(random, dealerIds, today);
        records.systemStore(APP, "opportunity").createAll(json(opportunities), actor, Locale.ENGLISH);
        List<ObjectNode> claims = expenseClaims(random, dealerIds, today);
        records.systemStore(APP, "expense_claim").createAll(json(claims), actor, Locale.ENGLISH);
        long othersDone = System.nanoTime();
        int statements = rebateStatements(today, actor);
        log.info("Demo data phases: orders {} ms, shipments to claims {} ms, rebate runs {} ms",
                (ordersDone - start) / 1_000_000, (othersDone - ordersDone) / 1_000_000,
                (System.nanoTime() - othersDone) / 1_000_000);
        Generated generated = new Generated(size, regionIds.size(), dealerIds.size(), productIds.size(), size.orders(),
                lines, shipments.size(), stock.size(), opportunities.size(), claims.size(), statements,
                (System.nanoTime() - start) / 1_000_000);
        log.info("Generated the {} demo data: {} regions, {} dealers, {} products, {} orders with {} lines, {} "
                + "shipments, {} stock records, {} opportunities, {} expense claims, {} rebate statements in {} ms",
                size.key(), generated.regions(), generated.dealers(), generated.products(), generated.orders(),
                generated.lines(), generated.shipments(), generated.inventory(), generated.opportunities(),
                generated.expenseClaims(), generated.rebateStatements(), generated.millis());
        return generated;
    }

    private boolean hasAny(String form) throws SQLException {
        return records.systemStore(APP, form).count(ListQuery.firstPage(1), 1) > 0;
    }

    private Optional<Long> user(String username) {
        return users.findByUsername(username).map(User::id);
    }

    private List<String> regions() {
        List<String> regions = new ArrayList<>();
        for (String[] region : REGIONS) {
            ObjectNode record = JSON.createObjectNode().put("code", region[0]).put("name", region[1])
                    .put("level", "area");
            orgs.findByCode(region[2]).map(OrgUnit::id).ifPresent(org -> record.put("org", org));
            user(region[3]).ifPresent(manager -> record.put("manager", manager));
            regions.add(record.toString());
        }
        return regions;
    }

    /** D001 in the first region, D002 in the second, and so on round the regions; the demo size has 8, others 200. */
    List<ObjectNode> dealers(DemoSize size, List<Long> regionIds) {
        int count = size == DemoSize.DEMO ? 8 : 200;
        List<ObjectNode> dealers = new ArrayList<>();
        for (int k = 1; k <= count; k++) {
            String code = String.format(Locale.ROOT, "D%03d", k);
            ObjectNode dealer = JSON.createObjectNode().put("code", code)
                    .put("name", (k <= DEALER_USERS.size() ? "Dealer " + (char) ('A' + k - 1) : "Dealer " + code))
                    .put("level", String.valueOf("ABCD".charAt((k - 1) % 4)))
                    .put("region", regionIds.get((k - 1) % regionIds.size()))
                    .put("contact_name", "Contact " + code)
                    .put("contact_phone", String.format(Locale.ROOT, "1380000%04d", k))
                    .put("contact_email", code.toLowerCase(Locale.ROOT) + "@example.com")
                    .put("contract_start", "2025-01-01").put("contract_end", "2027-12-31")
                    .put("credit_limit", 1_000_000L * (1 + k % 5)).put("status", "active");
            if (k <= DEALER_USERS.size()) {
                user(DEALER_USERS.get(k - 1)).ifPresent(portal -> dealer.put("portal_user", portal));
            }
            dealers.add(dealer);
        }
        return dealers;
    }

    /** 20 products, P001 to P020, listed between 50 and 5,000. */
    List<ObjectNode> products(SplittableRandom random) {
        List<ObjectNode> products = new ArrayList<>();
        for (int j = 1; j <= 20; j++) {
            products.add(JSON.createObjectNode().put("code", String.format(Locale.ROOT, "P%03d", j))
                    .put("name", "Product " + j).put("category", CATEGORIES.get(j % 3)).put("unit", UNITS.get(j % 3))
                    .put("list_price", BigDecimal.valueOf(5_000 + random.nextInt(495_001), 2))
                    .put("active", true).put("min_order_qty", 1));
        }
        return products;
    }

    /**
     * Orders {@code first} (from 0) to {@code last} (excluded): order i has {@link #linesOf} lines of distinct
     * products at their list prices, a random dealer, a date in the {@link #DAYS_BACK} days up to {@code today} and a
     * status, mostly
     * approved or shipped so that the sales reports have numbers.
     */
    List<ObjectNode> orders(SplittableRandom random, int first, int last, LocalDate today, List<Long> dealerIds,
                            List<Long> productIds, List<BigDecimal> prices) {
        List<ObjectNode> orders = new ArrayList<>();
        for (int i = first; i < last; i++) {
            ObjectNode order = JSON.createObjectNode().put("dealer", dealerIds.get(random.nextInt(dealerIds.size())))
                    .put("order_date", today.minusDays(random.nextInt(DAYS_BACK)).toString())
                    .put("discount", 5 * random.nextInt(3))
                    .put("payment", random.nextInt(3) == 0 ? "prepaid" : "credit")
                    .put("status", STATUSES.get(random.nextInt(STATUSES.size())));
            ArrayNode lines = order.putArray("lines");
            int product = random.nextInt(productIds.size());
            for (int n = 0; n < linesOf(i); n++) {
                int p = (product + n * 3) % productIds.size();
                lines.addObject().put("product", productIds.get(p)).put("quantity", 1 + random.nextInt(50))
                        .put("price", prices.get(p));
            }
            orders.add(order);
        }
        return orders;
    }

    /**
     * A shipment of each shipped order, all its lines, one to five days after the order (never after today), from the
     * warehouse of the dealer's region (Shanghai for the East, Beijing for the North, every fifth from Guangzhou).
     */
    List<ObjectNode> shipments(SplittableRandom random, List<Shipped> shipped, LocalDate today) {
        List<ObjectNode> shipments = new ArrayList<>();
        for (int i = 0; i < shipped.size(); i++) {
            Shipped order = shipped.get(i);
            LocalDate day = order.date().plusDays(1 + random.nextInt(5));
            ObjectNode shipment = JSON.createObjectNode().put("order", order.id())
                    .put("warehouse", i % 5 == 4 ? "gz" : WAREHOUSES.get(order.dealer() % REGIONS.size()))
                    .put("ship_date", (day.isAfter(today) ? today : day).toString())
                    .put("carrier", i % 2 == 0 ? "SF Express" : "JD Logistics")
                    .put("tracking_no", String.format(Locale.ROOT, "SF%010d", order.id()));
            ArrayNode lines = shipment.putArray("lines");
            order.lines().forEach(line -> lines.addObject().put("product", line.get("product").asLong())
                    .put("quantity", line.get("quantity").asInt()));
            shipments.add(shipment);
        }
        return shipments;
    }

    /** Stock of every product in every warehouse; every seventh record is below its safety stock. */
    List<ObjectNode> inventory(SplittableRandom random, List<Long> productIds) {
        List<ObjectNode> stock = new ArrayList<>();
        for (int p = 0; p < productIds.size(); p++) {
            for (String warehouse : WAREHOUSES) {
                int safety = 50 + 10 * random.nextInt(6);
                int quantity = stock.size() % 7 == 3 ? random.nextInt(safety) : safety + random.nextInt(900);
                stock.add(JSON.createObjectNode().put("product", productIds.get(p)).put("warehouse", warehouse)
                        .put("quantity", quantity).put("safety_stock", safety));
            }
        }
        return stock;
    }

    /**
     * Opportunities of the first 40 dealers (all of the demo size's), five each, registered in the last 180 days
     * with 90 days of protection: about a third won, some lost, the rest still registered (protected while recent).
     */
    List<ObjectNode> opportunities(SplittableRandom random, List<Long> dealerIds, LocalDate today) {
        List<ObjectNode> opportunities = new ArrayList<>();
        for (int d = 0; d < Math.min(40, dealerIds.size()); d++) {
            for (int n = 0; n < 5; n++) {
                int k = opportunities.size() + 1;
                int roll = random.nextInt(10);
                opportunities.add(JSON.createObjectNode().put("dealer", dealerIds.get(d))
                        .put("customer", "Customer " + k).put("customer_code", String.format(Locale.ROOT, "C%05d", k))
                        .put("project", "Project " + k)
                        .put("estimated_amount", 10_000L * (5 + random.nextInt(96)))
                        .put("registered_on", today.minusDays(random.nextInt(180)).toString())
                        .put("protection_days", 90)
                        .put("stage", roll < 3 ? "won" : roll < 5 ? "lost" : "registered"));
            }
        }
        return opportunities;
    }

    /**
     * Three expense claims for each of the first 20 dealers, for the activities in turn, dated over the last year:
     * actual spend 80 % to 115 % of the budget, written off in full once the activity is two months past.
     */
    List<ObjectNode> expenseClaims(SplittableRandom random, List<Long> dealerIds, LocalDate today) {
        List<ObjectNode> claims = new ArrayList<>();
        for (int d = 0; d < Math.min(20, dealerIds.size()); d++) {
            for (int n = 0; n < 3; n++) {
                String[] activity = ACTIVITIES.get(claims.size() % ACTIVITIES.size());
                long budget = 1_000L * (10 + random.nextInt(71));
                long actual = budget * (80 + random.nextInt(36)) / 100;
                LocalDate day = today.minusDays(random.nextInt(365));
                ObjectNode claim = JSON.createObjectNode().put("dealer", dealerIds.get(d)).put("activity", activity[0])
                        .put("activity_type", activity[1]).put("activity_date", day.toString())
                        .put("budget", budget).put("actual", actual);
                if (day.isBefore(today.minusDays(60))) {
                    claim.put("write_off", actual).put("write_off_date", day.plusDays(45).toString());
                }
                claims.add(claim);
            }
        }
        return claims;
    }

    /**
     * The rebate statements of the last four closed quarters, made by the pack's own rebate run (the rebate policy
     * table over each dealer's approved and shipped orders, as finance closes a quarter); the older three are
     * confirmed by the dealers, the last one is prepared and waits for finance to send it.
     */
    private int rebateStatements(LocalDate today, Actor actor) throws SQLException {
        LocalDate thisQuarter = today.withDayOfMonth(1).withMonth((today.getMonthValue() - 1) / 3 * 3 + 1);
        RecordStore statements = records.systemStore(APP, "rebate_statement");
        for (int back = 4; back >= 1; back--) {
            LocalDate from = thisQuarter.minusMonths(3L * back);
            String period = from.getYear() + "-Q" + ((from.getMonthValue() - 1) / 3 + 1);
            DecisionRuns.Run run = decisionRuns.runNow(APP, "rebate_policy", new DecisionRuns.RunRequest(period, from,
                    from.plusMonths(3).minusDays(1), "order_date", "dealer", List.of("rebate_eligible:eq:true"),
                    Map.of("quarter_sales", "payable"), "rebate_statement", Map.of("dealer",
                            "dealer", "period", "period", "sales", "quarter_sales", "rate", "rate", "tier", "tier",
                            "amount", "ROUND(quarter_sales * rate, 2)")), "admin", actor);
            if (!"done".equals(run.status())) {
                throw new IllegalStateException("The demo rebate run of " + period + " failed: " + run.error());
            }
            // The run leaves the status blank (the form's default is for users' saves): set it as the workflow would.
            String status = back > 1 ? "{\"status\": \"confirmed\", \"confirmed\": true}" : "{\"status\": \"prepared\"}";
            ListQuery ofPeriod = ListQuery.firstPage(ListQuery.MAX_PAGE_SIZE).scoped(RowFilter.ALL, Set.of())
                    .withFilters(new ListQuery.Filter("period", ListQuery.Op.EQ, period));
            Page page;
            String after = null;
            do {
                page = statements.list(after == null ? ofPeriod : ofPeriod.after(after));
                for (ObjectNode statement : page.records()) {
                    statements.update(statement.get(SystemColumns.ID).asLong(),
                            statement.get(SystemColumns.VERSION).intValue(), status, actor, Locale.ENGLISH);
                }
                after = page.nextCursor();
            } while (page.hasMore());
        }
        return (int) statements.count(ListQuery.firstPage(1), 1_000_000);
    }

    /** Order i (from 0) has 1 to 5 lines in turn, 3 on average. */
    static int linesOf(int order) {
        return 1 + order % 5;
    }

    private static List<String> json(List<ObjectNode> records) {
        return records.stream().map(ObjectNode::toString).toList();
    }
}
