package io.mosaic.bench;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A row of the order table as a hand-written MyBatis application holds it; the columns are those the
 * platform made for the sample pack's order form.
 */
final class OrderRow {

    Long id;
    int version;
    long ownerId;
    Long orgId;
    String dealerId;
    long createdBy;
    LocalDateTime createdAt;
    long updatedBy;
    LocalDateTime updatedAt;
    String workflowStatus;
    String processInstanceId;
    int formVersion;
    String number;
    long dealer;
    LocalDate orderDate;
    LocalDate deliveryDate;
    BigDecimal total;
    BigDecimal discount;
    BigDecimal payable;
    String payment;
    String remark;
    String status;
    List<Line> lines;

    /** A row of the order lines table. */
    static final class Line {
        int rowOrder;
        long product;
        long quantity;
        BigDecimal price;
        BigDecimal amount;
    }
}
