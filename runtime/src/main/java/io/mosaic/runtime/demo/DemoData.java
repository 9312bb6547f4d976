package io.mosaic.runtime.demo;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mosaic.form.store.Actor;
import io.mosaic.form.store.ListQuery;
import io.mosaic.form.store.RecordStore;
import io.mosaic.runtime.form.FormRecords;
import io.mosaic.runtime.security.org.OrgService;
import io.mosaic.runtime.security.org.OrgUnit;
import io.mosaic.runtime.security.user.User;
import io.mosaic.runtime.security.user.UserService;
import io.mosaic.samples.SamplePacks;

/**
 * Demo data for the dealer-management sample pack: regions run by the demo region managers, dealers (D001 of
 * {@code dealer_a} in the East, D002 of {@code dealer_b} in the North, and more), products, and orders over the last
 * 12 months in every status. Every value comes from one fixed seed, so a size on the same day always gives the same
 * data. Records are written through the forms' own record stores, so serial numbers, formulas, before-save rules and
 * the row-scope columns (the order's dealer code and region org unit) are the ones a user's save would give.
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

    private final FormRecords records;
    private final UserService users;
    private final OrgService orgs;
    private final Clock clock;

    public DemoData(FormRecords records, UserService users, OrgService orgs, Clock clock) {
        this.records = records;
        this.users = users;
        this.orgs = orgs;
        this.clock = clock;
    }

    /** What one generation wrote and how long it took. */
    public record Generated(DemoSize size, int regions, int dealers, int products, int orders, long lines,
                            long millis) {
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
        for (int first = 0; first < size.orders(); first += CHUNK) {
            List<ObjectNode> chunk = orders(random, first, Math.min(first + CHUNK, size.orders()), today, dealerIds,
                    productIds, prices);
            lines += chunk.stream().mapToInt(o -> o.get("lines").size()).sum();
            orderStore.createAll(json(chunk), actor, Locale.ENGLISH);
        }
        Generated generated = new Generated(size, regionIds.size(), dealerIds.size(), productIds.size(), size.orders(),
                lines, (System.nanoTime() - start) / 1_000_000);
        log.info("Generated the {} demo data: {} regions, {} dealers, {} products, {} orders with {} lines in {} ms",
                size.key(), generated.regions(), generated.dealers(), generated.products(), generated.orders(),
                generated.lines(), generated.millis());
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
     * products at their list prices, a random dealer, a date in the 365 days up to {@code today} and a status, mostly
     * approved or shipped so that the sales reports have numbers.
     */
    List<ObjectNode> orders(SplittableRandom random, int first, int last, LocalDate today, List<Long> dealerIds,
                            List<Long> productIds, List<BigDecimal> prices) {
        List<ObjectNode> orders = new ArrayList<>();
        for (int i = first; i < last; i++) {
            ObjectNode order = JSON.createObjectNode().put("dealer", dealerIds.get(random.nextInt(dealerIds.size())))
                    .put("order_date", today.minusDays(random.nextInt(365)).toString())
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

    /** Order i (from 0) has 1 to 5 lines in turn, 3 on average. */
    static int linesOf(int order) {
        return 1 + order % 5;
    }

    private static List<String> json(List<ObjectNode> records) {
        return records.stream().map(ObjectNode::toString).toList();
    }
}
