package io.mosaic.runtime.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import io.mosaic.runtime.notify.NotifyProperties;
import io.mosaic.runtime.notify.OutboxProbe;
import io.mosaic.runtime.notify.WebhookReceiver;
import io.mosaic.runtime.notify.WebhookSettings;
import io.mosaic.runtime.security.org.OrgService;
import io.mosaic.runtime.security.org.OrgUnit;
import io.mosaic.runtime.security.org.OrgUnitRequest;
import io.mosaic.runtime.security.token.ApiTokenService;
import io.mosaic.runtime.security.token.TokenRequest;
import io.mosaic.runtime.security.user.User;
import io.mosaic.runtime.security.user.UserRequest;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Issue 7's journey in headless Chromium, on the dealer-management pack as installed on first start. People do
 * everything in the workspace: the region manager files a company's application and approves it in the to-do box,
 * then the channel director; the new dealer sets its password from the mailed link (which works once), orders above
 * its credit on the order form, finance approves; the warehouse gets the e-mail
 * (GreenMail) and the in-app notice and makes an API token for the ERP, which hears of the order by a signed webhook
 * and records the shipment over REST; finance runs the quarter's rebate from the policy's menu entry and sends the
 * statement, the dealer confirms it; the director's dashboard and the dealer's own numbers show the order. Another
 * dealer sees none of it: not in lists, not at record addresses, not on dashboards, not through exports.
 */
@Tag("browser")
class DealerPackJourneyBrowserTest extends AppBrowserTest {

    private static final String ERP_SECRET = "erp-secret-for-the-browser-journey";
    private static final String APP = "/#/apps/dms";
    private static final String DEALER_PASSWORD = "Dealer-pass-1";

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired
    OrgService orgs;

    @Autowired
    ApiTokenService tokens;

    @Autowired
    NotifyProperties notify;

    @Autowired
    ApplicationContext context;

    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);
    private WebhookSettings webhookSettings;
    private WorkspaceFlowDriver flow;
    private TokenClient headOffice;
    private User manager;
    private User director;
    private User finance;
    private User warehouse;
    private User otherDealer;
    private String regionName;
    private String productName;
    private long product;
    private String otherName;
    private long otherOrder;

    /** Head office's data (a region with its manager, a product) and dealer B with an approved order, over REST. */
    @BeforeEach
    void headOfficeAndAnotherDealer() {
        webhookSettings = WebhookSettings.changeable(notify, "127.0.0.1");
        browser.desktop();
        flow = new WorkspaceFlowDriver(browser, url(""));
        User admin = person("admin", null, null, "admin");
        headOffice = new TokenClient(url(""), tokens.create(users.principal(admin.id()).orElseThrow(),
                new TokenRequest("set-up", List.of("write"), 1)).token());
        OrgUnit east = orgs.create(new OrgUnitRequest(null, "east_" + suffix, "East " + suffix, "region", null));
        manager = person("manager", east.id(), null, "region_manager");
        director = person("director", null, null, "channel_director");
        finance = person("finance", null, null, "finance");
        warehouse = person("warehouse", null, null, "warehouse");

        regionName = "East " + suffix;
        long region = headOffice.create("/api/apps/dms/forms/region/records", """
                {"code": "r%s", "name": "%s", "level": "area", "org": %d, "manager": %d}"""
                .formatted(suffix, regionName, east.id(), manager.id()));
        productName = "Air conditioner " + suffix;
        product = headOffice.create("/api/apps/dms/forms/product/records", """
                {"code": "p%s", "name": "%s", "category": "appliance", "unit": "piece", "list_price": 1000,
                 "min_order_qty": 10}""".formatted(suffix, productName));

        String otherCode = "B" + suffix;
        otherName = "Beta Supplies " + suffix;
        long other = headOffice.create("/api/apps/dms/forms/dealer/records", """
                {"code": "%s", "name": "%s", "level": "A", "region": %d, "contact_name": "Wang",
                 "contact_phone": "13900000000", "contract_start": "%s", "contract_end": "%s", "credit_limit": 5000000,
                 "status": "active"}""".formatted(otherCode, otherName, region, today.minusYears(1),
                today.plusYears(1)));
        otherDealer = person("beta", null, otherCode, "dealer");
        // Within its credit the order approves itself.
        otherOrder = headOffice.create("/api/apps/dms/forms/order/records?submit=true", """
                {"dealer": %d, "order_date": "%s", "payment": "credit",
                 "lines": [{"product": %d, "quantity": 20, "price": 1000}]}""".formatted(other, today, product));
    }

    @AfterEach
    void restoreWebhooks() {
        webhookSettings.close();
    }

    @Test
    void aCompanyBecomesADealerOrdersIsShippedEarnsARebateAndAnotherDealerSeesNoneOfIt() throws Exception {
        String company = "Acme Trading " + suffix;
        String code = "A" + suffix;
        String dealerUsername = "acme_" + suffix;
        String dealerEmail = dealerUsername + "@acme.example.com";

        // The region manager files a company's application, naming the account the dealer will sign in with.
        signIn(manager.username(), PASSWORD);
        openMenu("admission");
        browser.click("[data-test=new-record]");
        browser.type("input[name=company_name]", company);
        browser.type("input[name=credit_code]", "91310000MA1FL0001X");
        browser.type("input[name=legal_person]", "Li Lei");
        pick("region", regionName);
        browser.type("input[name=contact_name]", "Han Meimei");
        browser.type("input[name=contact_phone]", "13800000000");
        browser.type("input[name=contact_email]", dealerEmail);
        browser.type("input[name=account_name]", dealerUsername);
        browser.type("input[name=expected_volume]", "3000000");
        browser.screenshot("journey-01-application");
        browser.click("[data-test=save-record]");
        browser.waitForText("[data-test=record-title]", company);
        flow.submitRecord("A strong distributor in the east");
        browser.screenshot("journey-02-application-submitted");

        // The manager's review sets code, level, credit and contract; then the channel director approves.
        flow.openTask(company);
        flow.editField("dealer_code", code);
        browser.select("[data-test=task-page] [data-field=level] select", "B");
        flow.editField("credit_limit", "1000000");
        browser.setValue("[data-test=task-page] input[name=contract_start]", today.minusMonths(1).toString());
        browser.setValue("[data-test=task-page] input[name=contract_end]", today.plusYears(1).toString());
        // The application's region manager (a formula through the region lookup) shows as a person, not an id, and
        // the step is named in the manager's language only.
        browser.waitForText("[data-test=task-page] [data-test=value-region_manager]", manager.displayName());
        assertThat(browser.text("[data-test=task-page] .task-info")).contains("Region manager review")
                .doesNotContain("区域经理审核");
        browser.screenshot("journey-03-region-manager-task");
        flow.act("approve", "Good references");
        signIn(director.username(), PASSWORD);
        flow.openTask(company);
        if (!browser.all("[data-test=action-claim]").isEmpty()) flow.claim();
        flow.act("approve", "Welcome");

        // Approval opened the dealer's account and mailed it a link; the dealer sets a password there and is in.
        MimeMessage invitation = await("the set-password e-mail to " + dealerEmail, () -> mailTo(dealerEmail, ""));
        Matcher link = Pattern.compile("#/set-password\\?token=[A-Za-z0-9_-]+")
                .matcher(invitation.getContent().toString());
        assertThat(link.find()).as(invitation.getContent().toString()).isTrue();
        browser.openSignedOut(url("/" + link.group()));
        browser.type("[data-test=set-password] input[name=password]", DEALER_PASSWORD);
        browser.type("[data-test=set-password] input[name=repeated]", DEALER_PASSWORD + "x");
        browser.waitFor("[data-test=password-problem]");
        browser.screenshot("journey-04-set-password");
        browser.type("[data-test=set-password] input[name=repeated]", DEALER_PASSWORD);
        browser.click("[data-test=set-password] button[type=submit]");
        browser.click("[data-test=password-set] button");
        // The sign-in page has the new account's username filled in; only the password is typed.
        browser.type("input[name=password]", DEALER_PASSWORD);
        browser.click("button[type=submit]");
        browser.waitFor("[data-test=launcher]");

        // The new account reads its own dealer profile, with the credit granted.
        openMenu("dealers");
        browser.waitForCount("[data-test=record-list] tbody tr[data-test^=record-]", 1);
        assertThat(browser.text("[data-test=record-list] tbody")).contains(company);
        browser.screenshot("journey-05-dealer-profile");
        // The link worked once.
        browser.openSignedOut(url("/" + link.group()));
        browser.type("[data-test=set-password] input[name=password]", "Another-pass-2");
        browser.type("[data-test=set-password] input[name=repeated]", "Another-pass-2");
        browser.click("[data-test=set-password] button[type=submit]");
        browser.waitForText("[data-test=set-password] .alert-error", "used already");
        browser.screenshot("journey-06-link-spent");
        signIn(dealerUsername, DEALER_PASSWORD);

        // It orders 1,200,000 at list price against 1,000,000 of credit.
        openMenu("orders");
        browser.click("[data-test=new-record]");
        pick("dealer", company);
        browser.setValue("input[name=order_date]", today.toString());
        browser.click("[data-test=input-payment] input[value=credit]");
        browser.type("[data-test=row-0] [data-test='lookup-lines.product']", productName);
        browser.click("[data-test=row-0] .picker-list button");
        browser.type("[data-test=row-0] input[name='lines.quantity']", "1200");
        browser.type("[data-test=row-0] input[name='lines.price']", "1000");
        browser.waitForText("[data-test=value-total]", "1,200,000");
        // The server's check, asked as the user types, has caught up with the last keystroke.
        browser.waitUntilGone("[data-test=row-0] .field-error");
        // Before saving, the server's preview says how far the order goes over the dealer's available credit.
        browser.waitForText("[data-test=value-over_credit]", "200,000");
        browser.screenshot("journey-07-order-form");
        browser.click("[data-test=save-record]");
        browser.waitForText("[data-test=record-title]", "DO-");
        String number = browser.text("[data-test=record-title]");
        assertThat(number).matches("DO-\\d{4}-\\d{6}");
        String orderPage = browser.currentUrl();
        long order = Long.parseLong(orderPage.substring(orderPage.lastIndexOf('/') + 1));
        assertThat(browser.text("[data-test=value-over_credit]")).contains("200,000");
        flow.submitRecord("For the summer season");
        browser.screenshot("journey-08-order-submitted");

        try (WebhookReceiver erp = new WebhookReceiver(ERP_SECRET, 0, 0)) {
            notify.getWebhooks().put("erp", new NotifyProperties.Endpoint(erp.url(), ERP_SECRET, "json"));

            // Only finance must approve an order over the credit.
            signIn(finance.username(), PASSWORD);
            flow.openTask(number);
            browser.screenshot("journey-09-finance-task");
            flow.act("approve", "Credit extended for the season");

            // The warehouse hears of it by e-mail and in the app.
            // (Dealer B's order, approved at once, was mailed too.)
            MimeMessage mail = await("the warehouse's e-mail about " + number, () -> mailTo(warehouse.email(), number));
            assertThat(mail.getSubject()).isEqualTo("New order to ship: " + number);
            signIn(warehouse.username(), PASSWORD);
            browser.waitFor("[data-test=bell-count]");
            browser.click("[data-test=bell]");
            browser.waitForText("[data-test=bell-panel]", "New order to ship: " + number);
            browser.screenshot("journey-10-warehouse-notice");

            // The warehouse makes the ERP a token; the ERP, told by a signed webhook, records the shipment with it.
            browser.go(url("/#/tokens"));
            browser.type("[data-test=token-form] input[name=name]", "erp");
            browser.click("[data-test=token-form] input[data-scope=write]");
            browser.click("[data-test=token-form] button[type=submit]");
            String token = browser.value("[data-test=token-secret] input.secret");
            WebhookReceiver.Request told = await("the ERP's webhook about " + number, () -> erp.requests().stream()
                    .filter(request -> recordIdOf(request) == order).findFirst().orElse(null));
            assertThat(told.signatureValid()).isTrue();
            TokenClient asErp = new TokenClient(url(""), token);
            asErp.create("/api/apps/dms/forms/shipment/records", """
                    {"order": %d, "warehouse": "sh", "ship_date": "%s", "tracking_no": "SF123",
                     "lines": [{"product": %d, "quantity": 1200}]}""".formatted(order, today, product));
            assertThat(erp.requests().stream().filter(request -> recordIdOf(request) == order)).hasSize(1);
        }

        // The dealer sees its order shipped.
        signIn(dealerUsername, DEALER_PASSWORD);
        browser.go(orderPage);
        // The account the flow opened speaks Chinese, the pack's first language.
        browser.waitForText("[data-test=value-status]", "已发货");
        browser.screenshot("journey-11-order-shipped");

        // The quarter closes: finance runs the rebate policy from its menu entry, over approved and shipped orders.
        String period = "Q" + suffix;
        LocalDate quarterStart = today.withDayOfMonth(1).withMonth((today.getMonthValue() - 1) / 3 * 3 + 1);
        signIn(finance.username(), PASSWORD);
        openMenu("rebates");
        browser.waitForCount("[data-test=decision-row]", 4);
        browser.screenshot("journey-12-rebate-policy");
        browser.click("[data-test=run-period]");
        browser.type("[data-test=period-run] input[name=period]", period);
        browser.setValue("[data-test=period-run] input[name=from]", quarterStart.toString());
        browser.setValue("[data-test=period-run] input[name=to]", quarterStart.plusMonths(3).minusDays(1).toString());
        browser.select("[data-test=period-run] select[name=dateField]", "Order date (order_date)");
        browser.select("[data-test=period-run] select[name=groupBy]", "Dealer (dealer)");
        browser.type("[data-test=run-filter][data-index='0'] input[name=filter]", "rebate_eligible:eq:true");
        browser.type("[data-test=run-sum][data-index='0'] input[name=sumName]", "quarter_sales");
        browser.select("[data-test=run-sum][data-index='0'] select[name=sumField]", "Amount payable (payable)");
        browser.select("[data-test=period-run] select[name=resultForm]", "Rebate statement (rebate_statement)");
        List<List<String>> values = List.of(List.of("Dealer (dealer)", "dealer"), List.of("Period (period)", "period"),
                List.of("Sales in the period (sales)", "quarter_sales"), List.of("Rebate rate (rate)", "rate"),
                List.of("Tier (tier)", "tier"), List.of("Rebate amount (amount)", "ROUND(quarter_sales * rate, 2)"));
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) browser.click("[data-test=add-value]");
            String row = "[data-test=run-value][data-index='" + i + "'] ";
            browser.select(row + "select[name=valueField]", values.get(i).get(0));
            browser.type(row + "textarea[name=valueFormula]", values.get(i).get(1));
        }
        browser.click("[data-test=run-start]");
        browser.waitFor("[data-test=run-progress][data-status=done]");
        browser.screenshot("journey-13-rebate-run-done");

        // The statement: 1,200,000 lies in the silver band (500,000 to under 2,000,000, any level), 1.5 %.
        BigDecimal expected = new BigDecimal("1200000").multiply(new BigDecimal("0.015"));
        browser.go(url(APP + "/form/rebate_statement?filter=period:eq:" + period));
        browser.waitForCount("[data-test=record-list] tbody tr[data-test^=record-]", 2);
        WebElement ours = browser.all("[data-test=record-list] tbody tr[data-test^=record-]").stream()
                .filter(row -> row.getText().contains(company)).findFirst().orElseThrow();
        ours.click();
        browser.waitForText("[data-test=record-title]", period);
        String statementPage = browser.currentUrl();
        assertThat(amount(browser.text("[data-test=value-sales]"))).isEqualByComparingTo("1200000");
        assertThat(amount(browser.text("[data-test=value-amount]"))).isEqualByComparingTo(expected);
        flow.submitRecord("Your rebate for the quarter");
        browser.screenshot("journey-14-statement-sent");

        // The dealer confirms it in its to-do box.
        signIn(dealerUsername, DEALER_PASSWORD);
        flow.openTask(period);
        browser.screenshot("journey-15-dealer-confirms");
        flow.act("approve", "Agreed");
        browser.go(statementPage);
        browser.waitForText("[data-test=value-status]", "已确认");
        browser.screenshot("journey-16-statement-confirmed");

        // The dealer's own dashboard: its sales this year and its confirmed rebate, nobody else's.
        openMenu("dealer_home");
        assertThat(kpi("total")).isEqualByComparingTo("1200000");
        assertThat(widgetText("rebates")).contains(company, period, "18,000").doesNotContain(otherName);
        browser.screenshot("journey-17-dealer-dashboard");
        browser.scrollTo("[data-widget=rebates]");
        browser.screenshot("journey-17-dealer-dashboard-rebates");

        // The director's dashboard: both dealers ranked, the total as the orders add up, both statements.
        signIn(director.username(), PASSWORD);
        openMenu("home");
        Map<String, Double> ranking = chartValues("[data-widget=ranking] [data-test=chart-canvas]");
        assertThat(ranking).containsEntry(company, 1_200_000d).containsEntry(otherName, 20_000d);
        assertThat(kpi("total")).isEqualByComparingTo(approvedAndShippedSales());
        assertThat(widgetText("rebates")).contains(company, otherName, "18,000");
        browser.screenshot("journey-18-director-dashboard");
        browser.scrollTo("[data-widget=rebates]");
        browser.screenshot("journey-18-director-dashboard-rebates");

        // Dealer B sees none of it, on any path.
        signIn(otherDealer.username(), PASSWORD);
        openMenu("orders");
        browser.waitForCount("[data-test=record-list] tbody tr[data-test^=record-]", 1);
        assertThat(browser.all("[data-test=record-" + otherOrder + "]")).hasSize(1);
        assertThat(browser.all("[data-test=export-csv], [data-test=export-xlsx]")).isEmpty();
        browser.screenshot("journey-19-other-dealer-orders");
        browser.go(orderPage);
        browser.waitFor("[data-test=record-page] .alert-error");
        assertThat(browser.text("[data-test=record-page]")).doesNotContain(number);
        browser.screenshot("journey-20-other-dealer-order-refused");
        openMenu("rebate_statements");
        browser.waitForCount("[data-test=record-list] tbody tr[data-test^=record-]", 1);
        assertThat(browser.text("[data-test=record-list] tbody")).contains(otherName).doesNotContain(company);
        browser.go(statementPage);
        browser.waitFor("[data-test=record-page] .alert-error");
        openMenu("shipments");
        browser.waitFor("[data-test=no-records]");
        openMenu("dealer_home");
        assertThat(kpi("total")).isEqualByComparingTo("20000");
        assertThat(widgetText("rebates")).contains(otherName).doesNotContain(company);
        assertThat(browser.all("[data-test=widget] [data-test=export-csv]")).isEmpty();
        browser.screenshot("journey-21-other-dealer-dashboard");
        browser.go(url(APP + "/dashboards/director"));
        assertThat(chartValues("[data-widget=ranking] [data-test=chart-canvas]"))
                .containsExactly(Map.entry(otherName, 20_000d));
        assertThat(browser.fetch("/api/apps/dms/forms/order/export?format=csv").status()).isEqualTo(403);
        assertThat(browser.fetch("/api/apps/dms/reports/dealer_ranking/export?format=csv").status()).isEqualTo(403);
        assertThat(browser.fetch("/api/apps/dms/forms/order/records/" + order).status()).isEqualTo(404);
    }

    private static long recordIdOf(WebhookReceiver.Request request) {
        try {
            return JSON.readTree(request.body()).path("data").path("recordId").asLong();
        } catch (IOException e) {
            throw new AssertionError("Not JSON: " + request.body(), e);
        }
    }

    private User person(String name, Long orgId, String dealerCode, String role) {
        String username = name + "_" + suffix;
        return users.create(new UserRequest(username, Character.toUpperCase(name.charAt(0)) + name.substring(1) + " "
                + suffix, username + "@example.com", PASSWORD, orgId, null, dealerCode, List.of(role), "en", null));
    }

    /** Opens an entry of the dms app's menu from the side bar. */
    private void openMenu(String key) {
        browser.go(url(APP));
        browser.click(".sidebar [data-menu=" + key + "]");
    }

    /** Chooses the record whose name contains {@code text} in a lookup field's picker. */
    private void pick(String field, String text) {
        browser.type("[data-test=lookup-" + field + "]", text);
        browser.waitForCount("[data-test=input-" + field + "] .picker-list button", 1);
        browser.click("[data-test=input-" + field + "] .picker-list button");
        browser.waitForText("[data-test=input-" + field + "] .picker-value", text);
    }

    /** The first e-mail to {@code address} whose subject contains {@code subject}; null while there is none. */
    private static MimeMessage mailTo(String address, String subject) {
        try {
            for (MimeMessage mail : SMTP.getReceivedMessagesForDomain(address)) {
                if (mail.getSubject().contains(subject)) return mail;
            }
            return null;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Delivers what the outbox has due until {@code found} answers something. */
    private <T> T await(String what, Supplier<T> found) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        T answer = found.get();
        while (answer == null && Instant.now().isBefore(deadline)) {
            OutboxProbe.in(context).settle();
            answer = found.get();
        }
        assertThat(answer).as(what).isNotNull();
        return answer;
    }

    /** The sales of every approved or shipped order, added up from the records rather than by the report engine. */
    private BigDecimal approvedAndShippedSales() {
        TokenClient.Response answer = headOffice.get("/api/apps/dms/forms/order/records?size=200");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode orders = answer.json();
        assertThat(orders.path("hasMore").asBoolean()).isFalse();
        assertThat(orders.path("items")).as(answer.body()).isNotEmpty();
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode order : orders.path("items")) {
            if (List.of("approved", "shipped").contains(order.path("status").asText())) {
                sum = sum.add(order.path("total").decimalValue());
            }
        }
        return sum;
    }

    /** The number a KPI widget of the dashboard on screen shows, once its data arrived. */
    private BigDecimal kpi(String widget) {
        return amount(browser.text("[data-widget=" + widget + "] [data-test=widget][data-loaded=true] [data-test=kpi]"
                + " .kpi-value"));
    }

    private String widgetText(String widget) {
        return browser.text("[data-widget=" + widget + "] [data-test=widget][data-loaded=true]");
    }

    private static BigDecimal amount(String shown) {
        return new BigDecimal(shown.replaceAll("[^0-9.]", ""));
    }

    /** A chart's values by category, as ECharts holds them once the widget has drawn it. */
    @SuppressWarnings("unchecked")
    private Map<String, Double> chartValues(String chartCss) {
        browser.waitFor(chartCss + " canvas");
        Object[] values = new Object[1];
        browser.waitUntil(() -> (values[0] = browser.runAsync("""
                const [css, done] = arguments;
                import('/webjars/echarts/echarts.esm.min.js').then(echarts => {
                  const element = document.querySelector(css);
                  const chart = element && echarts.getInstanceByDom(element);
                  if (!chart) return done(null);
                  const option = chart.getOption();
                  const axis = [...(option.yAxis || []), ...(option.xAxis || [])].find(a => a.type === 'category');
                  const values = {};
                  axis.data.forEach((category, i) => {
                    const item = option.series[0].data[i];
                    values[category] = Number(typeof item === 'object' && item !== null ? item.value : item);
                  });
                  done(values);
                });
                """, chartCss)) != null);
        return ((Map<String, Number>) values[0]).entrySet().stream().collect(Collectors.toMap(
                Map.Entry::getKey, entry -> entry.getValue().doubleValue()));
    }
}
