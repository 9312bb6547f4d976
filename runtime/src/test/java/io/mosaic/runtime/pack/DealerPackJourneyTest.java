package io.mosaic.runtime.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import io.mosaic.runtime.notify.NotifyProperties;
import io.mosaic.runtime.notify.OutboxProbe;
import io.mosaic.runtime.notify.WebhookReceiver;
import io.mosaic.runtime.notify.WebhookSettings;
import io.mosaic.runtime.rule.RuleSchedules;
import io.mosaic.runtime.security.Browser;
import io.mosaic.runtime.security.PasswordLinkMail;
import io.mosaic.runtime.security.SecurityTestSupport;
import io.mosaic.runtime.security.org.OrgUnit;
import io.mosaic.runtime.security.user.User;
import io.mosaic.runtime.security.user.UserRequest;

import jakarta.mail.internet.MimeMessage;

/**
 * The dealer-management pack as installed on first start, walked through the REST API: the region manager files a
 * company's application, the manager and the channel director admit it, which opens the dealer's account and mails
 * it a link to set its password; the dealer signs in and orders above its available credit, finance approves, the
 * warehouse hears of it in the app and by e-mail and the ERP by a signed webhook, the ERP records the shipment with
 * an API token, the quarter's rebate run writes the statement the dealer confirms; another dealer sees none of it.
 */
class DealerPackJourneyTest extends SecurityTestSupport {

    private static final String APP = "dms";
    private static final String ERP_SECRET = "erp-secret-for-the-journey";

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired
    ObjectMapper json;

    @Autowired
    NotifyProperties notify;

    @Autowired
    ApplicationContext context;

    @Autowired
    RuleSchedules schedules;

    @LocalServerPort
    int serverPort;

    private WebhookSettings webhookSettings;
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);
    private User admin;
    private User regionManager;
    private User director;
    private User finance;
    private User warehouse;
    private OrgUnit east;
    private long region;
    private long product;

    @BeforeEach
    void headOfficeRegionAndProduct() throws Exception {
        webhookSettings = WebhookSettings.changeable(notify, "127.0.0.1");
        admin = createUser("admin");
        east = createOrg(null, "region");
        regionManager = person(east.id(), null, "region_manager");
        director = createUser("channel_director");
        finance = createUser("finance");
        warehouse = person(null, null, "warehouse");
        region = create(admin, "region", """
                {"code": "%s", "name": "East", "level": "area", "org": %d, "manager": %d}"""
                .formatted(unique("r"), east.id(), regionManager.id()));
        product = create(admin, "product", """
                {"code": "%s", "name": "Air conditioner", "category": "appliance", "unit": "piece",
                 "list_price": 1000, "min_order_qty": 10}""".formatted(unique("p")));
    }

    @AfterEach
    void restoreWebhooks() {
        webhookSettings.close();
    }

    @Test
    void fromAdmissionToAConfirmedRebateWithoutAnotherDealerSeeingAnything() throws Exception {
        // The region manager files a company's application; the manager and then the channel director approve,
        // setting code, level and credit.
        String code = unique("D").substring(0, 12);
        String username = unique("acme").toLowerCase();
        String email = username + "@acme.example.com";
        long application = create(regionManager, "dealer_application", application(username, email), true);
        // The pack's steps are named in the reader's language (the users here read English), not both at once; the
        // region manager the application reads through its region is marked as a user for the page to name.
        JsonNode review = body(get("/api/flow/tasks/{id}", todo(regionManager, "dealer_application", application)),
                regionManager);
        assertThat(review.path("node").path("name").asText()).isEqualTo("Region manager review");
        JsonNode fields = review.path("formView").path("definition").path("fields");
        assertThat(fields.findParents("key").stream().filter(f -> f.path("key").asText().equals("region_manager"))
                .map(f -> f.path("refersTo").path("type").asText())).containsExactly("user");
        assertThat(fields.findParents("key").stream().filter(f -> f.path("key").asText().equals("company_name"))
                .map(f -> f.has("refersTo"))).containsExactly(false);
        approve(regionManager, "dealer_application", application, Map.of("dealer_code", code, "level", "B",
                "credit_limit", 1_000_000, "contract_start", today.minusMonths(1).toString(),
                "contract_end", today.plusYears(1).toString()));
        approve(director, "dealer_application", application, Map.of());
        JsonNode admitted = read(admin, "dealer_application", application);
        assertThat(admitted.path("workflow_status").asText()).isEqualTo("approved");
        JsonNode profile = only(admin, "dealer", "code:eq:" + code);
        assertThat(profile.path("status").asText()).isEqualTo("active");
        assertThat(profile.path("credit_limit").decimalValue()).isEqualByComparingTo("1000000");
        long dealer = profile.path("id").asLong();

        // Approval opened the dealer's account and mailed it a one-time link; the dealer sets a password and signs in.
        User applicant = users.findByUsername(username).orElseThrow();
        assertThat(applicant.roles()).containsExactly("dealer");
        assertThat(applicant.dealerId()).isEqualTo(code);
        assertThat(applicant.orgId()).isEqualTo(east.id());
        assertThat(profile.path("portal_user").asLong()).isEqualTo(applicant.id());
        String link = passwordLinkMailedTo(email);
        Browser browser = new Browser(serverPort);
        browser.get("/api/auth/csrf");
        assertThat(browser.post("/api/auth/password", json.writeValueAsString(Map.of("token", link, "password",
                "Dealer-pass-1"))).status()).isEqualTo(200);
        Browser.Response login = browser.login(username, "Dealer-pass-1");
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        assertThat(login.json().path("dealerId").asText()).isEqualTo(code);
        // Signed in, the new account reads its own profile, as the region manager does.
        Browser.Response own = browser.get("/api/apps/dms/forms/dealer/records/" + dealer);
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(own.json().path("code").asText()).isEqualTo(code);
        assertThat(read(regionManager, "dealer", dealer).path("code").asText()).isEqualTo(code);

        // Another dealer, admitted before.
        String otherCode = unique("B").substring(0, 12);
        long otherDealer = create(admin, "dealer", """
                {"code": "%s", "name": "Other dealer", "level": "A", "region": %d, "contact_name": "Wang",
                 "contact_phone": "13900000000", "contract_start": "%s", "contract_end": "%s", "credit_limit": 5000000,
                 "status": "active"}""".formatted(otherCode, region, today.minusYears(1), today.plusYears(1)));
        User other = createDealerUser(null, otherCode, "dealer");
        long otherOrder = create(other, "order", order(otherDealer, 20, 1000), true);
        long otherDraft = create(other, "order", order(otherDealer, 2000, 1000));

        // A line below the minimum order quantity is refused at once.
        mvc.perform(json(post("/api/apps/dms/forms/order/records"), order(dealer, 5, 1000)).with(as(applicant)))
                .andExpect(status().isUnprocessableEntity());

        // The dealer orders 1,200,000 at list price with 1,000,000 of credit: only finance must approve.
        try (WebhookReceiver erp = new WebhookReceiver(ERP_SECRET, 0, 0)) {
            notify.getWebhooks().put("erp", new NotifyProperties.Endpoint(erp.url(), ERP_SECRET, "json"));
            long order = create(applicant, "order", order(dealer, 1200, 1000), true);
            JsonNode submitted = read(applicant, "order", order);
            assertThat(submitted.path("status").asText()).isEqualTo("submitted");
            assertThat(submitted.path("number").asText()).matches("DO-\\d{4}-\\d{6}");
            assertThat(submitted.path("over_credit").decimalValue()).isEqualByComparingTo("200000");
            assertThat(todo(regionManager, "order", order)).isNull();
            approve(finance, "order", order, Map.of());

            JsonNode approved = read(applicant, "order", order);
            assertThat(approved.path("workflow_status").asText()).isEqualTo("approved");
            assertThat(approved.path("status").asText()).isEqualTo("approved");
            assertThat(read(admin, "dealer", dealer).path("credit_used").decimalValue()).isEqualByComparingTo("1200000");

            // The warehouse hears of it in the app and by e-mail; the ERP gets one signed webhook.
            String number = approved.path("number").asText();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
            List<String> titles = List.of();
            while (titles.stream().noneMatch(title -> title.contains(number)) && Instant.now().isBefore(deadline)) {
                deliver();
                titles = body(get("/api/notifications?size=50"), warehouse).path("items").findValuesAsText("en");
            }
            assertThat(titles).anyMatch(title -> title.equals("New order to ship: " + number));
            MimeMessage mail = null;
            while (mail == null && Instant.now().isBefore(deadline)) {
                for (MimeMessage received : SMTP.getReceivedMessagesForDomain(warehouse.email())) {
                    mail = received.getSubject().contains(number) ? received : mail;
                }
                deliver();
            }
            assertThat(mail).as("e-mail to the warehouse about " + number).isNotNull();
            assertThat(mail.getSubject()).isEqualTo("New order to ship: " + number);
            List<WebhookReceiver.Request> toErp = List.of();
            while (toErp.isEmpty() && Instant.now().isBefore(deadline)) {
                deliver();
                toErp = erp.requests().stream().filter(request -> recordIdOf(request) == order).toList();
            }
            assertThat(toErp).hasSize(1).allSatisfy(request -> assertThat(request.signatureValid()).isTrue());
            assertThat(json.readTree(toErp.get(0).body()).path("title").path("en").asText())
                    .isEqualTo("Order approved: " + number);

            // The ERP records the shipment through the REST API with the warehouse's API token.
            String token = body(json(post("/api/tokens"), "{\"name\": \"erp\", \"scopes\": [\"write\"]}"), warehouse,
                    status().isCreated()).path("token").asText();
            mvc.perform(post("/api/apps/dms/forms/shipment/records").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                            .contentType(MediaType.APPLICATION_JSON).content("""
                                    {"order": %d, "warehouse": "sh", "ship_date": "%s", "tracking_no": "SF123",
                                     "lines": [{"product": %d, "quantity": 1200}]}""".formatted(order, today, product)))
                    .andExpect(status().isCreated());
            assertThat(read(applicant, "order", order).path("status").asText()).isEqualTo("shipped");
            assertThat(list(applicant, "shipment", "order:eq:" + order)).hasSize(1);
            assertThat(list(other, "shipment", "order:eq:" + order)).isEmpty();

            // The quarter closes: the rebate table decides per dealer over its approved and shipped orders.
            LocalDate quarterStart = today.withDayOfMonth(1).withMonth((today.getMonthValue() - 1) / 3 * 3 + 1);
            String period = unique("Q");
            String quarterRun = """
                    {"period": "%s", "from": "%s", "to": "%s", "dateField": "order_date", "groupBy": "dealer",
                     "filters": ["rebate_eligible:eq:true"], "sums": {"quarter_sales": "payable"},
                     "resultForm": "rebate_statement",
                     "values": {"dealer": "dealer", "period": "period", "sales": "quarter_sales", "rate": "rate",
                                "tier": "tier", "amount": "ROUND(quarter_sales * rate, 2)"}}"""
                    .formatted(period, quarterStart, quarterStart.plusMonths(3).minusDays(1));
            // Finance closes the quarter; a region manager, who reads only the region's orders, may not.
            body(json(post("/api/apps/dms/decisions/rebate_policy/runs"), quarterRun), regionManager,
                    status().isForbidden());
            JsonNode run = body(json(post("/api/apps/dms/decisions/rebate_policy/runs"), quarterRun), finance,
                    status().isAccepted());
            awaitRun(run.path("id").asLong());
            JsonNode statement = only(finance, "rebate_statement", "period:eq:" + period, "dealer:eq:" + dealer);
            // 1,200,000 is in the silver band (500,000 to under 2,000,000, any level): 1.5 %
            BigDecimal expected = new BigDecimal("1200000").multiply(new BigDecimal("0.015"));
            assertThat(statement.path("sales").decimalValue()).isEqualByComparingTo("1200000");
            assertThat(statement.path("amount").decimalValue()).isEqualByComparingTo(expected);
            // The other dealer's approved order counts (20,000: no rebate), its draft of 2,000,000 does not.
            JsonNode otherStatement = only(finance, "rebate_statement", "period:eq:" + period, "dealer:eq:" + otherDealer);
            assertThat(otherStatement.path("sales").decimalValue()).isEqualByComparingTo("20000");
            assertThat(otherStatement.path("amount").decimalValue()).isEqualByComparingTo("0");

            // Finance sends it; the dealer confirms.
            long statementId = statement.path("id").asLong();
            mvc.perform(json(post("/api/apps/dms/forms/rebate_statement/records/{id}/submit", statementId), "{}")
                    .with(as(finance))).andExpect(status().isOk());
            assertThat(read(applicant, "rebate_statement", statementId).path("status").asText()).isEqualTo("sent");
            approve(applicant, "rebate_statement", statementId, Map.of());
            JsonNode confirmed = read(applicant, "rebate_statement", statementId);
            assertThat(confirmed.path("status").asText()).isEqualTo("confirmed");
            assertThat(confirmed.path("confirmed").asBoolean()).isTrue();

            // The other dealer sees none of it: lists, reads, exports.
            assertThat(list(other, "order", null)).extracting(o -> o.path("id").asLong())
                    .containsExactlyInAnyOrder(otherOrder, otherDraft);
            mvc.perform(get("/api/apps/dms/forms/order/records/{id}", order).with(as(other))).andExpect(status().isNotFound());
            assertThat(list(other, "rebate_statement", null)).extracting(r -> r.path("dealer").asLong())
                    .containsOnly(otherDealer);
            mvc.perform(get("/api/apps/dms/forms/rebate_statement/records/{id}", statementId).with(as(other)))
                    .andExpect(status().isNotFound());
            mvc.perform(get("/api/apps/dms/forms/order/export?format=csv").with(as(other)))
                    .andExpect(status().isForbidden());
            assertThat(list(applicant, "order", null)).extracting(o -> o.path("id").asLong()).containsExactly(order);
        }
    }

    @Test
    void aLineBelowTheListPriceNeedsTheRegionManagerAndAnOrderWithinCreditNobodyElse() throws Exception {
        String code = unique("D").substring(0, 12);
        long dealer = dealer(code, 500_000, today.plusYears(1), null);
        User dealerUser = person(null, code, "dealer");
        User northManager = person(createOrg(null, "region").id(), null, "region_manager");

        long order = create(dealerUser, "order", order(dealer, 10, 900), true);
        assertThat(read(dealerUser, "order", order).path("below_list_lines").asInt()).isEqualTo(1);
        approve(regionManager, "order", order, Map.of());

        JsonNode approved = read(dealerUser, "order", order);
        assertThat(approved.path("workflow_status").asText()).isEqualTo("approved");
        assertThat(todo(finance, "order", order)).isNull();
        assertThat(read(regionManager, "order", order).path("dealer_code").asText()).isEqualTo(code);
        mvc.perform(get("/api/apps/dms/forms/order/records/{id}", order).with(as(northManager)))
                .andExpect(status().isNotFound());
    }

    @Test
    void aLineLeftUnpricedTakesThePriceListsPriceForTheDealersLevelElseTheListPriceAndIsCheckedAgainstIt()
            throws Exception {
        String code = unique("D").substring(0, 12);
        long dealer = dealer(code, 500_000, today.plusYears(1), null);
        User dealerUser = person(null, code, "dealer");
        long unlisted = create(admin, "product", """
                {"code": "%s", "name": "Fan", "category": "appliance", "unit": "piece", "list_price": 300,
                 "min_order_qty": 1}""".formatted(unique("p")));
        create(finance, "price_list", priceRow("A", 900));
        create(finance, "price_list", priceRow("B", 950));
        mvc.perform(get("/api/apps/dms/forms/price_list/records").with(as(dealerUser))).andExpect(status().isNotFound());

        JsonNode priced = read(dealerUser, "order", create(dealerUser, "order", """
                {"dealer": %d, "order_date": "%s", "payment": "credit",
                 "lines": [{"product": PRODUCT, "quantity": 10}, {"product": %d, "quantity": 1}]}"""
                .formatted(dealer, today, unlisted)));
        assertThat(priced.at("/lines/0/price").decimalValue()).isEqualByComparingTo("950");
        assertThat(priced.at("/lines/1/price").decimalValue()).isEqualByComparingTo("300");
        assertThat(priced.path("total").decimalValue()).isEqualByComparingTo("9800");
        assertThat(priced.path("below_list_lines").asInt()).isZero();

        JsonNode under = read(dealerUser, "order", create(dealerUser, "order", order(dealer, 10, 940)));
        assertThat(under.at("/lines/0/list_price").decimalValue()).isEqualByComparingTo("950");
        assertThat(under.path("below_list_lines").asInt()).isEqualTo(1);
        assertThat(read(dealerUser, "order", create(dealerUser, "order", order(dealer, 10, 960)))
                .path("below_list_lines").asInt()).as("below the product's 1000 but not the level's 950").isZero();
    }

    @Test
    void anotherDealersRegistrationOfACustomerInItsProtectionPeriodIsRefusedNamingOnlyItsNumber() throws Exception {
        String codeA = unique("D").substring(0, 12);
        String codeB = unique("D").substring(0, 12);
        User dealerA = person(null, codeA, "dealer");
        User dealerB = person(null, codeB, "dealer");
        long a = dealer(codeA, 100_000, today.plusYears(1), null);
        long b = dealer(codeB, 100_000, today.plusYears(1), null);
        String customer = unique("C").substring(0, 12);
        String lapsed = unique("C").substring(0, 12);
        long first = create(dealerA, "opportunity", opportunity(a, customer, today.minusDays(10)));
        create(dealerA, "opportunity", opportunity(a, lapsed, today.minusDays(91)));
        String number = read(dealerA, "opportunity", first).path("number").asText();

        JsonNode refused = body(json(post("/api/apps/dms/forms/opportunity/records?locale=en"),
                opportunity(b, customer, today)), dealerB, status().isUnprocessableEntity());
        assertThat(refused.at("/errors/0/pointer").asText()).isEqualTo("/customer_code");
        assertThat(refused.at("/errors/0/message").asText()).isEqualTo("Another dealer registered this customer as "
                + number + "; it is still within its protection period").doesNotContain("Dealer " + codeA);
        assertThat(list(dealerB, "opportunity", "customer_code:eq:" + customer)).isEmpty();

        long own = create(dealerB, "opportunity", opportunity(b, lapsed, today));
        create(dealerA, "opportunity", opportunity(a, customer, today));
        update(dealerA, "opportunity", first, "{\"project\": \"Renewed\"}");
        int version = read(dealerB, "opportunity", own).path("version").intValue();
        JsonNode moved = body(json(patch("/api/apps/dms/forms/opportunity/records/{id}", own),
                "{\"customer_code\": \"" + customer + "\"}").header(HttpHeaders.IF_MATCH, "\"" + version + "\""),
                dealerB, status().isUnprocessableEntity());
        assertThat(moved.at("/errors/0/pointer").asText()).isEqualTo("/customer_code");
        assertThat(read(dealerB, "opportunity", own).path("customer_code").asText()).isEqualTo(lapsed);
    }

    private String opportunity(long dealer, String customerCode, LocalDate registeredOn) {
        return """
                {"dealer": %d, "customer": "Hotel %s", "customer_code": "%s", "project": "Air conditioning",
                 "registered_on": "%s"}""".formatted(dealer, customerCode, customerCode, registeredOn);
    }

    private String priceRow(String level, int price) {
        return """
                {"level": "%s", "product": PRODUCT, "price": %d, "valid_from": "%s"}""".formatted(level, price, today);
    }

    @Test
    void aClaimOver50000AddsTheMarketingDirectorAndASmallerOneEndsWithMarketing() throws Exception {
        String code = unique("D").substring(0, 12);
        long dealer = dealer(code, 100_000, today.plusYears(1), null);
        User dealerUser = person(null, code, "dealer");
        User marketing = person(null, null, "marketing");
        User marketingDirector = person(null, null, "marketing_director");

        long large = create(dealerUser, "expense_claim", claim(dealer, 60_000), true);
        approve(regionManager, "expense_claim", large, Map.of());
        approve(marketing, "expense_claim", large, Map.of("write_off", 55_000, "write_off_date", today.toString()));
        assertThat(read(dealerUser, "expense_claim", large).path("workflow_status").asText()).isEqualTo("in_approval");
        approve(marketingDirector, "expense_claim", large, Map.of());
        JsonNode claim = read(dealerUser, "expense_claim", large);
        assertThat(claim.path("workflow_status").asText()).isEqualTo("approved");
        assertThat(claim.path("write_off").decimalValue()).isEqualByComparingTo("55000");

        long small = create(dealerUser, "expense_claim", claim(dealer, 10_000), true);
        approve(regionManager, "expense_claim", small, Map.of());
        approve(marketing, "expense_claim", small, Map.of());
        assertThat(read(dealerUser, "expense_claim", small).path("workflow_status").asText()).isEqualTo("approved");
        assertThat(todo(marketingDirector, "expense_claim", small)).isNull();
    }

    @Test
    void stockBelowTheSafetyLevelGivesPurchasingATodoAndStockAboveItNone() throws Exception {
        User purchasing = person(null, null, "purchasing");
        long low = create(warehouse, "inventory", """
                {"product": %d, "warehouse": "sh", "quantity": 3, "safety_stock": 10}""".formatted(product));
        long fine = create(warehouse, "inventory", """
                {"product": %d, "warehouse": "bj", "quantity": 30, "safety_stock": 10}""".formatted(product));

        List<Long> todos = new ArrayList<>();
        body(get("/api/flow/inbox/todo?size=100"), purchasing).path("items").forEach(item -> {
            if ("todo".equals(item.path("kind").asText()) && "inventory".equals(item.path("form").asText())) {
                todos.add(item.path("recordId").asLong());
            }
        });
        assertThat(todos).contains(low).doesNotContain(fine);
    }

    @Test
    void thirtyDaysBeforeItsContractEndsTheDealerAndTheRegionManagerGetAnEMail() throws Exception {
        String code = unique("D").substring(0, 12);
        User dealerUser = person(null, code, "dealer");
        dealer(code, 100_000, LocalDate.now().plusDays(30), dealerUser.id());

        schedules.sweepLocked(Instant.now());

        for (User told : List.of(dealerUser, regionManager)) {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
            MimeMessage mail = null;
            while (mail == null && Instant.now().isBefore(deadline)) {
                for (MimeMessage received : SMTP.getReceivedMessagesForDomain(told.email())) {
                    mail = received;
                }
                deliver();
            }
            assertThat(mail).as("reminder to " + told.username()).isNotNull();
            assertThat(mail.getSubject()).isEqualTo("Dealer contract ends on " + LocalDate.now().plusDays(30));
        }
    }

    @Test
    void aDealerDisputesAStatementWithAReasonAndFinanceHearsOfIt() throws Exception {
        String code = unique("D").substring(0, 12);
        User dealerUser = person(null, code, "dealer");
        long dealer = dealer(code, 100_000, today.plusYears(1), dealerUser.id());
        long statement = create(finance, "rebate_statement", """
                {"dealer": %d, "period": "2026-Q3", "sales": 800000, "rate": 0.015, "amount": 12000}"""
                .formatted(dealer));
        mvc.perform(json(post("/api/apps/dms/forms/rebate_statement/records/{id}/submit", statement), "{}")
                .with(as(finance))).andExpect(status().isOk());

        String task = todo(dealerUser, "rebate_statement", statement);
        body(json(post("/api/flow/tasks/{id}/actions/reject", task),
                "{\"comment\": \"Returns of July are missing\"}"), dealerUser);

        JsonNode disputed = read(dealerUser, "rebate_statement", statement);
        assertThat(disputed.path("status").asText()).isEqualTo("disputed");
        assertThat(disputed.path("confirmed").asBoolean()).isFalse();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        List<String> titles = List.of();
        while (titles.stream().noneMatch(title -> title.contains(code)) && Instant.now().isBefore(deadline)) {
            deliver();
            titles = body(get("/api/notifications?size=50"), finance).path("items").findValuesAsText("en");
        }
        assertThat(titles).contains("Rebate statement disputed: Dealer " + code + " 2026-Q3");
    }

    @Test
    void aTakenUsernameStopsTheDirectorsApprovalWithNothingWrittenUntilTheDirectorChoosesAnother() throws Exception {
        User taken = person(null, null, "dealer");
        String code = unique("D").substring(0, 12);
        String email = unique("acme") + "@acme.example.com";
        long application = create(regionManager, "dealer_application", application(taken.username(), email), true);
        approve(regionManager, "dealer_application", application, Map.of("dealer_code", code, "level", "C",
                "credit_limit", 100_000, "contract_start", today.toString(), "contract_end", today.plusYears(1).toString()));
        String task = todo(director, "dealer_application", application);

        JsonNode refused = body(json(post("/api/flow/tasks/{id}/actions/approve", task), "{}"), director,
                status().isConflict());
        assertThat(refused.path("errors").path(0).path("pointer").asText()).isEqualTo("/account_name");
        assertThat(list(admin, "dealer", "code:eq:" + code)).isEmpty();
        assertThat(users.get(taken.id()).dealerId()).isNull();
        assertThat(todo(director, "dealer_application", application)).isEqualTo(task);

        String username = unique("acme2").toLowerCase();
        approve(director, "dealer_application", application, Map.of("account_name", username));
        assertThat(users.findByUsername(username).orElseThrow().dealerId()).isEqualTo(code);
        assertThat(passwordLinkMailedTo(email)).isNotBlank();
    }

    @Test
    void anApplicationWhoseContactEMailIsNoAddressIsRefusedWhenFiled() throws Exception {
        mvc.perform(json(post("/api/apps/dms/forms/dealer_application/records?submit=true"),
                        application(unique("acme"), "not-an-address")).with(as(regionManager)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].pointer").value("/contact_email"));
        mvc.perform(json(post("/api/apps/dms/forms/dealer_application/records?submit=true"), application(unique("acme"),
                "a@acme.example.com").replace("\"account_name\"", "\"unused\"")).with(as(regionManager)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].pointer").value("/account_name"));
    }

    private String application(String username, String email) {
        return """
                {"company_name": "Acme Trading", "credit_code": "91310000MA1FL0001X", "legal_person": "Li Lei",
                 "region": %d, "contact_name": "Han Meimei", "contact_phone": "13800000000",
                 "contact_email": "%s", "account_name": "%s", "expected_volume": 3000000}"""
                .formatted(region, email, username);
    }

    /** The secret of the set-password link in the one e-mail to {@code email}, once the outbox delivered it. */
    private String passwordLinkMailedTo(String email) throws Exception {
        deliver();
        MimeMessage[] mails = SMTP.getReceivedMessagesForDomain(email);
        assertThat(mails).as("e-mails to " + email).hasSize(1);
        return PasswordLinkMail.tokenIn(mails[0]);
    }

    /** A user with an e-mail address, in org unit {@code orgId} and bound to dealer {@code dealerCode} (either null). */
    private User person(Long orgId, String dealerCode, String role) {
        String name = unique(role);
        return users.create(new UserRequest(name, role, name + "@example.com", PASSWORD, orgId, null, dealerCode,
                List.of(role), "en", null));
    }

    private long dealer(String code, int creditLimit, LocalDate contractEnd, Long account) throws Exception {
        return create(admin, "dealer", """
                {"code": "%s", "name": "Dealer %s", "level": "B", "region": %d, "contact_name": "Wang",
                 "contact_phone": "13900000000", "contract_start": "%s", "contract_end": "%s", "credit_limit": %d,
                 "status": "active", "portal_user": %s}"""
                .formatted(code, code, region, today.minusYears(1), contractEnd, creditLimit, account));
    }

    private String claim(long dealer, int actual) {
        return """
                {"dealer": %d, "activity": "Spring fair", "activity_type": "exhibition", "activity_date": "%s",
                 "budget": 50000, "actual": %d}""".formatted(dealer, today, actual);
    }

    private static String order(long dealer, int quantity, int price) {
        return """
                {"dealer": %d, "order_date": "%s", "payment": "credit",
                 "lines": [{"product": PRODUCT, "quantity": %d, "price": %d}]}"""
                .formatted(dealer, LocalDate.now(ZoneOffset.UTC), quantity, price);
    }

    private long create(User who, String form, String record) throws Exception {
        return create(who, form, record, false);
    }

    private long create(User who, String form, String record, boolean submit) throws Exception {
        return body(json(post("/api/apps/dms/forms/{form}/records" + (submit ? "?submit=true" : ""), form),
                record.replace("PRODUCT", Long.toString(product))), who, status().isCreated()).path("id").asLong();
    }

    private void update(User who, String form, long id, String changes) throws Exception {
        int version = read(who, form, id).path("version").intValue();
        body(json(patch("/api/apps/dms/forms/{form}/records/{id}", form, id), changes)
                .header(HttpHeaders.IF_MATCH, "\"" + version + "\""), who);
    }

    private JsonNode read(User who, String form, long id) throws Exception {
        return body(get("/api/apps/dms/forms/{form}/records/{id}", form, id), who);
    }

    private List<JsonNode> list(User who, String form, String... filters) throws Exception {
        MockHttpServletRequestBuilder request = get("/api/apps/dms/forms/{form}/records", form);
        if (filters != null && filters.length > 0) {
            request.param("filter", filters);
        }
        List<JsonNode> items = new ArrayList<>();
        body(request, who).path("items").forEach(items::add);
        return items;
    }

    private JsonNode only(User who, String form, String... filters) throws Exception {
        List<JsonNode> found = list(who, form, filters);
        assertThat(found).as(form + " " + String.join(", ", filters)).hasSize(1);
        return found.get(0);
    }

    /** The user's open task on the record, claimed if it was offered to several; null when there is none. */
    private String todo(User who, String form, long record) throws Exception {
        for (JsonNode item : body(get("/api/flow/inbox/todo?app=dms&size=100"), who).path("items")) {
            if (form.equals(item.path("form").asText()) && item.path("recordId").asLong() == record) {
                String task = item.path("taskId").asText();
                if (item.path("candidate").asBoolean()) {
                    body(json(post("/api/flow/tasks/{id}/actions/claim", task), "{}"), who);
                }
                return task;
            }
        }
        return null;
    }

    private void approve(User who, String form, long record, Map<String, Object> values) throws Exception {
        String task = todo(who, form, record);
        assertThat(task).as(who.username() + "'s task on " + form + " " + record).isNotNull();
        Map<String, Object> action = new HashMap<>();
        if (!values.isEmpty()) {
            action.put("values", values);
            action.put("version", read(admin, form, record).path("version").intValue());
        }
        body(json(post("/api/flow/tasks/{id}/actions/approve", task), json.writeValueAsString(action)), who);
    }

    private long recordIdOf(WebhookReceiver.Request request) {
        try {
            return json.readTree(request.body()).path("data").path("recordId").asLong();
        } catch (java.io.IOException e) {
            throw new AssertionError("Not JSON: " + request.body(), e);
        }
    }

    /** Delivers what is due now rather than at the dispatcher's next poll, and waits for deliveries under way. */
    private void deliver() {
        OutboxProbe.in(context).settle();
    }

    private void awaitRun(long id) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        JsonNode run;
        do {
            Thread.sleep(50);
            run = body(get("/api/apps/dms/decisions/rebate_policy/runs/{id}", id), finance);
        } while ("running".equals(run.path("status").asText()) && Instant.now().isBefore(deadline));
        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("done");
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String content) {
        return request.contentType(MediaType.APPLICATION_JSON).content(content);
    }

    private JsonNode body(MockHttpServletRequestBuilder request, User who) throws Exception {
        return body(request, who, status().isOk());
    }

    private JsonNode body(MockHttpServletRequestBuilder request, User who, ResultMatcher expected) throws Exception {
        RequestPostProcessor user = as(who);
        MvcResult result = mvc.perform(request.with(user)).andReturn();
        String text = result.getResponse().getContentAsString();
        try {
            expected.match(result);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + ": " + text, e);
        }
        return text.isEmpty() ? json.nullNode() : json.readTree(text);
    }
}
