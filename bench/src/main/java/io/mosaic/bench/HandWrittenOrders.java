package io.mosaic.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.mapping.VendorDatabaseIdProvider;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;
import org.apache.ibatis.type.JdbcType;

import javax.sql.DataSource;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * The baseline of {@code forms-submit} and {@code forms-list}: the sample pack's orders as a hand-written
 * Spring Boot + MyBatis application would store and list them, on the platform's tables. A submitted
 * order is parsed, checked ({@link HandWrittenOrderRecordCheck}), its line amounts and totals computed
 * as the form's formulas do, numbered from the year's counter, and inserted with its lines in one
 * transaction.
 */
final class HandWrittenOrders {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    /** The formula columns keep the form engine's default of 4 places. */
    private static final int FORMULA_SCALE = 4;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final SqlSessionFactory sessions;
    private final Clock clock;

    HandWrittenOrders(DataSource dataSource, Clock clock) {
        Configuration configuration = new Configuration(new Environment("bench", new JdbcTransactionFactory(), dataSource));
        configuration.setDatabaseId(databaseId(dataSource));
        configuration.setMapUnderscoreToCamelCase(true);
        configuration.setJdbcTypeForNull(JdbcType.NULL);
        configuration.addMapper(OrderMapper.class);
        this.sessions = new SqlSessionFactoryBuilder().build(configuration);
        this.clock = clock;
    }

    /**
     * In MyBatis's batch mode, as an application inserting several rows at once would: the lines go to
     * the database as one JDBC batch, the order first so that the lines get its id.
     *
     * @return the new order's id
     */
    long submit(String json, long userId, Long orgId, int formVersion) throws IOException {
        JsonNode order = JSON.readTree(json);
        List<String> problems = HandWrittenOrderRecordCheck.check(order);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("The order is invalid at " + problems);
        }
        LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.MILLIS);
        OrderRow row = row(order);
        row.version = 1;
        row.ownerId = userId;
        row.orgId = orgId;
        row.createdBy = userId;
        row.createdAt = now;
        row.updatedBy = userId;
        row.updatedAt = now;
        row.formVersion = formVersion;
        String periodKey = "DO-" + now.getYear() + "-{seq}";
        try (SqlSession session = sessions.openSession(ExecutorType.BATCH)) {
            OrderMapper orders = session.getMapper(OrderMapper.class);
            orders.takeNumber(periodKey);
            Long last = orders.lastNumber(periodKey); // a query runs the batched statements first
            if (last == null) {
                orders.startNumbers(periodKey);
                last = 1L;
            }
            row.number = String.format(Locale.ROOT, "DO-%04d-%06d", now.getYear(), last);
            orders.insertOrder(row);
            session.flushStatements();
            for (OrderRow.Line line : row.lines) {
                orders.insertLine(row.id, line);
            }
            session.commit();
        }
        return row.id;
    }

    /** Which of a mapper's statements for several databases applies: {@code h2}, or {@code mysql} for MySQL and MariaDB. */
    private static String databaseId(DataSource dataSource) {
        VendorDatabaseIdProvider vendors = new VendorDatabaseIdProvider();
        Properties ids = new Properties();
        ids.setProperty("H2", "h2");
        ids.setProperty("MySQL", "mysql");
        ids.setProperty("MariaDB", "mysql");
        vendors.setProperties(ids);
        return vendors.getDatabaseId(dataSource);
    }

    /** Outside a transaction, as a Spring service reads without {@code @Transactional}. */
    List<OrderRow> newestWithStatus(String status) {
        try (SqlSession session = sessions.openSession(true)) {
            return session.getMapper(OrderMapper.class).newestWithStatus(status);
        }
    }

    /** The order's values with what the form's formulas compute: line amounts, total and amount payable. */
    private static OrderRow row(JsonNode order) {
        OrderRow row = new OrderRow();
        row.dealer = order.get("dealer").longValue();
        row.orderDate = LocalDate.parse(order.get("order_date").asText());
        row.deliveryDate = order.hasNonNull("delivery_date") ? LocalDate.parse(order.get("delivery_date").asText()) : null;
        row.discount = order.hasNonNull("discount") ? order.get("discount").decimalValue() : null;
        row.payment = order.get("payment").asText();
        row.remark = order.hasNonNull("remark") ? order.get("remark").asText() : null;
        row.lines = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (JsonNode item : order.get("lines")) {
            OrderRow.Line line = new OrderRow.Line();
            line.rowOrder = row.lines.size() + 1;
            line.product = item.get("product").longValue();
            line.quantity = item.get("quantity").longValue();
            line.price = item.get("price").decimalValue();
            line.amount = BigDecimal.valueOf(line.quantity).multiply(line.price)
                    .setScale(2, RoundingMode.HALF_UP).setScale(FORMULA_SCALE, RoundingMode.HALF_UP);
            total = total.add(line.amount);
            row.lines.add(line);
        }
        row.total = total.setScale(FORMULA_SCALE, RoundingMode.HALF_UP);
        BigDecimal kept = BigDecimal.ONE.subtract((row.discount == null ? BigDecimal.ZERO : row.discount).divide(HUNDRED));
        row.payable = total.multiply(kept).setScale(2, RoundingMode.HALF_UP).setScale(FORMULA_SCALE, RoundingMode.HALF_UP);
        return row;
    }
}
