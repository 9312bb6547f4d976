package io.mosaic.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The baseline of {@code forms-validate}: the record constraints of the sample pack's order form
 * (what {@code RecordSchema} generates for it) written out by hand against a parsed Jackson tree.
 * Returns the pointers of the problems found.
 */
final class HandWrittenOrderRecordCheck {

    private static final Set<String> READ_ONLY = Set.of("number", "total", "payable", "status");
    private static final Set<String> MEMBERS = Set.of("dealer", "order_date", "delivery_date", "lines", "discount",
            "payment", "remark");
    private static final Set<String> LINE_MEMBERS = Set.of("product", "quantity", "price");
    private static final Set<String> PAYMENTS = Set.of("prepaid", "credit");
    private static final BigDecimal LARGEST_ID = BigDecimal.valueOf(Long.MAX_VALUE);
    private static final BigDecimal LARGEST_MONEY = new BigDecimal("9999999999999999.99");
    private static final int MAX_DIGITS = 40;

    private final List<String> problems = new ArrayList<>();

    static List<String> check(JsonNode order) {
        HandWrittenOrderRecordCheck check = new HandWrittenOrderRecordCheck();
        check.order(order);
        return check.problems;
    }

    private void order(JsonNode order) {
        if (!order.isObject()) {
            problems.add("");
            return;
        }
        members(order, "", MEMBERS);
        integer(order.get("dealer"), "/dealer", true, BigDecimal.ONE, LARGEST_ID);
        date(order.get("order_date"), "/order_date", true);
        date(order.get("delivery_date"), "/delivery_date", false);
        decimal(order.get("discount"), "/discount", false, BigDecimal.ZERO, BigDecimal.valueOf(30), 4); // a percent keeps 4 places
        JsonNode payment = order.get("payment");
        if (payment == null || !payment.isTextual() || !PAYMENTS.contains(payment.asText())) {
            problems.add("/payment");
        }
        JsonNode remark = order.get("remark");
        if (remark != null && !remark.isNull() && (!remark.isTextual()
                || remark.asText().codePointCount(0, remark.asText().length()) > 1000)) {
            problems.add("/remark");
        }
        JsonNode lines = order.get("lines");
        if (lines == null || !lines.isArray() || lines.isEmpty() || lines.size() > 200) {
            problems.add("/lines");
            return;
        }
        for (int i = 0; i < lines.size(); i++) {
            line(lines.get(i), "/lines/" + i);
        }
    }

    private void line(JsonNode line, String at) {
        if (!line.isObject()) {
            problems.add(at);
            return;
        }
        members(line, at, LINE_MEMBERS);
        integer(line.get("product"), at + "/product", true, BigDecimal.ONE, LARGEST_ID);
        integer(line.get("quantity"), at + "/quantity", true, BigDecimal.ONE, BigDecimal.valueOf(100_000));
        decimal(line.get("price"), at + "/price", true, BigDecimal.ZERO, LARGEST_MONEY, 2);
    }

    /** Unknown and read-only members; the line's formula column is read-only too. */
    private void members(JsonNode object, String at, Set<String> allowed) {
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            String name = it.next().getKey();
            if (!allowed.contains(name)) {
                problems.add(at + "/" + name);
            }
        }
    }

    private void integer(JsonNode value, String at, boolean required, BigDecimal min, BigDecimal max) {
        if (absent(value, at, required)) {
            return;
        }
        BigDecimal number = sane(value);
        if (number == null || number.stripTrailingZeros().scale() > 0 || number.compareTo(min) < 0 || number.compareTo(max) > 0) {
            problems.add(at);
        }
    }

    private void decimal(JsonNode value, String at, boolean required, BigDecimal min, BigDecimal max, int scale) {
        if (absent(value, at, required)) {
            return;
        }
        BigDecimal number = sane(value);
        if (number == null || number.stripTrailingZeros().scale() > scale || number.compareTo(min) < 0
                || number.compareTo(max) > 0) {
            problems.add(at);
        }
    }

    private static BigDecimal sane(JsonNode value) {
        if (!value.isNumber()) {
            return null;
        }
        BigDecimal number = value.decimalValue();
        return number.precision() - number.scale() > MAX_DIGITS || number.scale() > MAX_DIGITS ? null : number;
    }

    private void date(JsonNode value, String at, boolean required) {
        if (absent(value, at, required)) {
            return;
        }
        try {
            if (!value.isTextual() || value.asText().length() != 10) {
                problems.add(at);
            } else {
                LocalDate.parse(value.asText());
            }
        } catch (DateTimeParseException e) {
            problems.add(at);
        }
    }

    /** Whether there is no value to check further; a missing or null required value is a problem. */
    private boolean absent(JsonNode value, String at, boolean required) {
        if (value == null || value.isNull()) {
            if (required) {
                problems.add(at);
            }
            return true;
        }
        return false;
    }
}
