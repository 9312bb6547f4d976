package io.mosaic.runtime.browser;

import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

import io.mosaic.form.store.Actor;
import io.mosaic.form.store.RecordStore;
import io.mosaic.runtime.form.PublishedForms;

/**
 * What the reports' browser tests share: an app of their own with an order form (dealer, order date, amount), seven
 * orders of three dealers, and a sales manager role that reads and exports them; and a way to find a bar on a chart
 * ECharts drew on a canvas.
 */
abstract class SalesReportsBrowserTest extends AppBrowserTest {

    @Autowired
    PublishedForms forms;

    @Autowired
    DataSource dataSource;

    final String app = "rp" + suffix;
    final String managerRole = "mgr" + suffix;

    /** Orders as (dealer, date, amount): North Motors leads the first quarter of 2026, and has an order before it. */
    static final List<List<String>> ORDERS = List.of(
            List.of("North Motors", "2026-01-10", "120000"), List.of("North Motors", "2026-02-14", "80000"),
            List.of("North Motors", "2026-03-03", "50000"), List.of("North Motors", "2025-12-20", "999999"),
            List.of("South Auto", "2026-01-20", "90000"), List.of("South Auto", "2026-03-15", "60000"),
            List.of("East Cars", "2026-02-02", "40000"));

    @BeforeEach
    void ordersOfThreeDealers() throws SQLException {
        publishApp(app, """
                {"key": "%1$s", "name": {"zh-CN": "经销商 %2$s", "en": "Dealers %2$s"}, "version": "1.0.0", "platform": ">=0.1.0",
                 "roles": [{"key": "%3$s", "name": {"zh-CN": "销售经理", "en": "Sales manager"},
                            "grants": [{"form": "order", "actions": ["read", "export"], "rowScope": "all"}]}],
                 "menus": [{"key": "orders", "name": {"zh-CN": "订单", "en": "Orders"}, "target": {"kind": "form", "key": "order"}}],
                 "definitions": [{"kind": "form", "key": "order"}]}""".formatted(app, suffix, managerRole));
        metadata.publishContent(app, "form", "order", """
                {"key": "order", "name": {"zh-CN": "订单", "en": "Order"}, "titleField": "dealer",
                 "fields": [{"key": "dealer", "type": "text", "required": true, "label": {"zh-CN": "经销商", "en": "Dealer"}},
                            {"key": "order_date", "type": "date", "label": {"zh-CN": "下单日期", "en": "Order date"}},
                            {"key": "amount", "type": "money", "label": {"zh-CN": "金额", "en": "Amount"}}]}""", null, "admin");
        PublishedForms.Published order = forms.latest(app, "order").orElseThrow();
        RecordStore orders = new RecordStore(dataSource, app, order.version(), order.validator(), Clock.systemUTC());
        for (List<String> o : ORDERS) {
            orders.create("{\"dealer\": \"%s\", \"order_date\": \"%s\", \"amount\": %s}".formatted(o.get(0), o.get(1), o.get(2)),
                    new Actor(1, null, null), Locale.ENGLISH);
        }
    }

    /** An analyst who may also read the orders (the preview runs on them), signed in on a laptop screen, in the designers. */
    ReportDesignerDriver analystInTheDesigners(String displayName, String locale) {
        user("analyst_" + suffix, displayName, null, locale, "analyst", managerRole);
        laptopScreen();
        signIn("analyst_" + suffix, PASSWORD);
        return new ReportDesignerDriver(browser, url(""));
    }

    record Bar(int x, int y, double value) {
    }

    /**
     * A category's bar: the middle of it on the screen and its value, asked of the chart ECharts drew in that element;
     * null while there is no such chart or bar.
     */
    @SuppressWarnings("unchecked")
    Bar barOf(String chartCss, String category) {
        Map<String, Number> at = (Map<String, Number>) browser.runAsync("""
                const [css, category, done] = arguments;
                const element = document.querySelector(css);
                element?.scrollIntoView({ block: 'center' });
                import('/webjars/echarts/echarts.esm.min.js').then(echarts => {
                  const chart = element && echarts.getInstanceByDom(element);
                  if (!chart) return done(null);
                  const option = chart.getOption();
                  const index = option.xAxis[0].data.indexOf(category);
                  if (index < 0) return done(null);
                  const item = option.series[0].data[index];
                  const value = typeof item === 'object' && item !== null ? item.value : item;
                  const [x, y] = chart.convertToPixel({ seriesIndex: 0 }, [index, value / 2]);
                  const box = element.getBoundingClientRect();
                  done({ x: box.left + x, y: box.top + y, value });
                });
                """, chartCss, category);
        return at == null ? null : new Bar(at.get("x").intValue(), at.get("y").intValue(), at.get("value").doubleValue());
    }
}
