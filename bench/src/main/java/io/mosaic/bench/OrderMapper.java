package io.mosaic.bench;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import java.util.List;

/**
 * The SQL a hand-written MyBatis application would have for the order tables the platform made for the
 * sample pack (app {@code dms}, form {@code order}); {@link #TABLE} and its neighbours are checked against
 * the platform's naming before a benchmark runs.
 */
interface OrderMapper {

    String TABLE = "f_dms_order";
    String LINES_TABLE = "f_dms_order__lines";
    String SEQUENCE_TABLE = "f_dms_order$seq";
    String LIST_COLUMNS = "id, version, owner_id, org_id, dealer_id, created_by, created_at, updated_by, updated_at,"
            + " workflow_status, process_instance_id, form_version, number, dealer, order_date, delivery_date, total,"
            + " discount, payable, payment, remark, status";

    /** Takes the next order number of a year; the counter row stays locked until the order is committed. */
    @Update("UPDATE `" + SEQUENCE_TABLE + "` SET seq_value = seq_value + 1 WHERE field = 'number' AND period_key = #{periodKey}")
    int takeNumber(String periodKey);

    @Insert("INSERT INTO `" + SEQUENCE_TABLE + "` (field, period_key, seq_value) VALUES ('number', #{periodKey}, 1)")
    void startNumbers(String periodKey);

    /** Null before the year's first order. */
    @Select("SELECT seq_value FROM `" + SEQUENCE_TABLE + "` WHERE field = 'number' AND period_key = #{periodKey}")
    Long lastNumber(String periodKey);

    @Insert("INSERT INTO " + TABLE + " (number, dealer, order_date, delivery_date, total, discount, payable, payment,"
            + " remark, status, version, owner_id, org_id, dealer_id, created_by, created_at, updated_by, updated_at,"
            + " form_version) VALUES (#{number}, #{dealer}, #{orderDate}, #{deliveryDate}, #{total}, #{discount},"
            + " #{payable}, #{payment}, #{remark}, #{status}, #{version}, #{ownerId}, #{orgId}, #{dealerId}, #{createdBy},"
            + " #{createdAt}, #{updatedBy}, #{updatedAt}, #{formVersion})")
    @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
    void insertOrder(OrderRow order);

    @Insert("INSERT INTO " + LINES_TABLE + " (parent_id, row_order, product, quantity, price, amount) VALUES"
            + " (#{orderId}, #{line.rowOrder}, #{line.product}, #{line.quantity}, #{line.price}, #{line.amount})")
    void insertLine(@Param("orderId") long orderId, @Param("line") OrderRow.Line line);

    /**
     * The first page of the newest live orders with one status, read off the index on
     * {@code (status, deleted_at, id)} that publishing makes for the indexed status. H2 reads that index in
     * order only when ORDER BY starts with its columns (ordered by the id alone it reads every order of the
     * status and sorts them, 2 s a page of a million orders); MariaDB sorts when ORDER BY names
     * {@code deleted_at}, and reads the index in id order by itself.
     */
    @Select(databaseId = "h2", value = "SELECT " + LIST_COLUMNS + " FROM " + TABLE
            + " WHERE deleted_at IS NULL AND status = #{status} ORDER BY status DESC, deleted_at DESC, id DESC LIMIT 50")
    @Select(databaseId = "mysql", value = "SELECT " + LIST_COLUMNS + " FROM " + TABLE
            + " WHERE deleted_at IS NULL AND status = #{status} ORDER BY id DESC LIMIT 50")
    List<OrderRow> newestWithStatus(String status);
}
