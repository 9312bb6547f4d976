package io.mosaic.form.transfer;

import java.util.Locale;
import java.util.Map;

/**
 * The sentences of imports and their error reports in each language; {@code {column}} is a column's letter,
 * {@code {heading}} what the file's heading row says there. Problems of values reuse the record messages
 * ({@link io.mosaic.form.record.ErrorCode}).
 */
enum TransferText {
    UNKNOWN_COLUMN("第 {column} 列「{heading}」不是表单中的字段", "Column {column} \"{heading}\" is not a field of the form"),
    DUPLICATE_COLUMN("第 {column} 列「{heading}」与前面的列是同一个字段",
            "Column {column} \"{heading}\" names the same field as an earlier column"),
    NOT_IMPORTABLE("第 {column} 列「{heading}」是明细表、附件或图片字段，不能从表格导入",
            "Column {column} \"{heading}\" is a sub-table, attachment or image field, which a sheet cannot hold"),
    COMPUTED("第 {column} 列「{heading}」由系统生成或只读，不能导入",
            "Column {column} \"{heading}\" is set by the platform or read-only and cannot be imported"),
    NO_FIELDS("标题行没有任何表单字段", "The heading row names no field of the form"),
    CELL_WITHOUT_HEADING("第 {column} 列有值但没有标题", "Column {column} has a value but no heading"),
    REPORT_ROW("行号", "Row"),
    REPORT_COLUMN("列", "Column"),
    REPORT_FIELD("字段", "Field"),
    REPORT_CODE("错误代码", "Code"),
    REPORT_MESSAGE("说明", "Message"),
    REPORT_MORE("另有 {count} 个错误未列出", "{count} more errors are not listed");

    private final String zhCN;
    private final String en;

    TransferText(String zhCN, String en) {
        this.zhCN = zhCN;
        this.en = en;
    }

    String text(Locale locale, Map<String, String> values) {
        String text = locale != null && "zh".equals(locale.getLanguage()) ? zhCN : en;
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace("{" + value.getKey() + "}", value.getValue());
        }
        return text;
    }

    String text(Locale locale) {
        return text(locale, Map.of());
    }
}
