package io.mosaic.form.record;

import java.util.Locale;

/**
 * What is wrong with a value of a record, with the sentence shown for it in each language. In the
 * templates {@code {label}} is the field's label and {@code {limit}} the bound that was broken.
 */
public enum ErrorCode {
    REQUIRED("{label}不能为空", "{label} is required"),
    TYPE("{label}的值类型不正确", "{label} has a value of the wrong type"),
    MAX_LENGTH("{label}不能超过 {limit} 个字符", "{label} must be at most {limit} characters"),
    MINIMUM("{label}不能小于 {limit}", "{label} must be at least {limit}"),
    MAXIMUM("{label}不能大于 {limit}", "{label} must be at most {limit}"),
    /** A number too large or too precise for any column; checked before the schema so it costs nothing. */
    OUT_OF_RANGE("{label}超出了可以保存的数值范围", "{label} is outside the range of numbers that can be stored"),
    SCALE("{label}最多保留 {limit} 位小数", "{label} may have at most {limit} decimal places"),
    ENUM("{label}不是可选的值", "{label} is not one of the options"),
    DUPLICATE("{label}包含重复的值", "{label} contains the same value twice"),
    FORMAT("{label}的格式不正确", "{label} is not in a valid format"),
    UNKNOWN_FIELD("表单中没有字段 {label}", "The form has no field {label}"),
    SYSTEM_FIELD("{label} 由系统维护，不能提交", "{label} is kept by the system and cannot be submitted"),
    READ_ONLY("{label}是只读字段，不能提交", "{label} is read-only and cannot be submitted"),
    MIN_ROWS("{label}至少需要 {limit} 行", "{label} needs at least {limit} rows"),
    MAX_ROWS("{label}最多 {limit} 行", "{label} may have at most {limit} rows"),
    MAX_FILES("{label}最多 {limit} 个文件", "{label} may have at most {limit} files"),
    FILE_TOO_LARGE("{label}的文件不能大于 {limit} MB", "{label} files must be at most {limit} MB"),
    FILE_TYPE("{label}只接受 {limit} 文件", "{label} accepts only {limit} files"),
    INVALID_JSON("记录不是有效的 JSON", "The record is not valid JSON"),
    TOO_DEEP("记录的嵌套层数过多", "The record is nested too deeply"),
    /** A number or text longer than the parser takes at all (thousands of digits, millions of characters). */
    TOO_LARGE("记录中有过长的值", "The record holds a value that is far too long"),
    /** Raised by storage: the database knows whether a value is taken. */
    UNIQUE("{label}已存在相同的值", "Another record already has this {label}"),
    /** Raised by storage: the lookup target is missing, deleted or not visible to the user. */
    LOOKUP_NOT_FOUND("{label}引用的记录不存在", "{label} refers to a record that does not exist"),
    /** Raised by storage: the file is unknown, belongs to another form, field or record, or to another user's upload. */
    FILE_NOT_FOUND("{label}引用的文件不存在", "{label} refers to a file that does not exist"),
    /** Raised by storage: a formula field fails on this record's values, e.g. a division by zero. */
    FORMULA("{label}无法计算：{limit}", "{label} cannot be computed: {limit}"),
    /** A schema keyword this mapping does not know; kept generic rather than showing the validator's text. */
    INVALID("{label}的值无效", "{label} is not valid");

    private final String code;
    private final String zhCN;
    private final String en;

    ErrorCode(String zhCN, String en) {
        this.code = name().toLowerCase(Locale.ROOT);
        this.zhCN = zhCN;
        this.en = en;
    }

    /** The code clients see, e.g. {@code max_length}. */
    public String code() {
        return code;
    }

    /** The sentence in {@code locale}'s language (Chinese for any {@code zh} locale, English otherwise). */
    public String message(Locale locale, String label, Object limit) {
        String template = locale != null && "zh".equals(locale.getLanguage()) ? zhCN : en;
        // The limit first: a label is the analyst's text and may itself contain "{limit}".
        return template.replace("{limit}", limit == null ? "" : limit.toString()).replace("{label}", label);
    }
}
