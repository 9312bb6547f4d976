package io.mosaic.form.record;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mosaic.api.definition.LocalizedText;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static io.mosaic.form.record.Fixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

class RecordErrorMessagesTest {

    private static final RecordValidator VALIDATOR = RecordValidator.compile(
            RecordSchema.of("sample", Fixtures.text("every-field.form.json")), Fixtures.CONDITIONS);
    private static final ObjectNode VALID = Fixtures.json("every-field.valid.json");

    private static String message(ObjectNode record, Locale locale) {
        return VALIDATOR.validate(record, locale).get(0).message();
    }

    @Test
    void namesTheFieldByItsLabelAndStatesTheLimitInEitherLanguage() {
        ObjectNode record = with(VALID, "/amount", "1000000.5");

        assertThat(message(record, Locale.SIMPLIFIED_CHINESE)).isEqualTo("金额不能大于 1000000");
        assertThat(message(record, Locale.ENGLISH)).isEqualTo("Amount must be at most 1000000");
    }

    @Test
    void namesTheRowOfASubTableCell() {
        ObjectNode record = with(VALID, "/lines/1/quantity", "0");

        assertThat(message(record, Locale.CHINESE)).isEqualTo("明细第 2 行：数量不能小于 1");
        assertThat(message(record, Locale.ENGLISH)).isEqualTo("Lines row 2: Quantity must be at least 1");
    }

    @Test
    void statesScaleRowsAndFileLimitsInTheirOwnUnits() {
        assertThat(message(with(VALID, "/amount", "1.234"), Locale.ENGLISH))
                .isEqualTo("Amount may have at most 2 decimal places");
        assertThat(message(with(VALID, "/lines", "[]"), Locale.CHINESE)).isEqualTo("明细至少需要 1 行");
        assertThat(message(with(VALID, "/contract/0/size", "2000000"), Locale.ENGLISH))
                .isEqualTo("Contract (size) files must be at most 1 MB");
        assertThat(message(with(VALID, "/contract/0/name", "\"a.exe\""), Locale.CHINESE))
                .isEqualTo("合同（name）只接受 .pdf 文件");
    }

    @Test
    void namesAnUnknownOrSystemMemberByItsKey() {
        assertThat(message(with(VALID, "/colour", "1"), Locale.CHINESE)).isEqualTo("表单中没有字段 colour");
        assertThat(message(with(VALID, "/created_by", "1"), Locale.ENGLISH))
                .isEqualTo("created_by is kept by the system and cannot be submitted");
    }

    @Test
    void explainsReadOnlyAndRequiredFields() {
        assertThat(message(with(VALID, "/total", "1"), Locale.CHINESE)).isEqualTo("合计是只读字段，不能提交");
        assertThat(message(with(VALID, "/title", null), Locale.ENGLISH)).isEqualTo("Title is required");
        assertThat(message(with(VALID, "/address/city", null), Locale.CHINESE)).isEqualTo("地址（city）不能为空");
    }

    @Test
    void fallsBackToEnglishForOtherLanguages() {
        assertThat(message(with(VALID, "/level", "\"z\""), Locale.GERMAN)).isEqualTo("Level is not one of the options");
    }

    @Test
    void neverShowsTheSchemaValidatorsOwnWording() {
        ObjectNode record = with(with(with(VALID, "/email", "\"x\""), "/tags", "[1]"), "/opens_at", "\"7pm\"");

        assertThat(VALIDATOR.validate(record, Locale.ENGLISH)).extracting(RecordError::message)
                .noneMatch(m -> m.contains("$") || m.contains("schema") || m.contains("does not match"))
                .containsExactlyInAnyOrder("E-mail is not in a valid format", "Tags is not one of the options",
                        "Opens at is not in a valid format");
    }

    @Test
    void storageChecksReportInTheSameShape() {
        RecordError error = RecordError.of("/dealer", ErrorCode.LOOKUP_NOT_FOUND, new LocalizedText("经销商", "Dealer"),
                null, Locale.SIMPLIFIED_CHINESE);

        assertThat(error).isEqualTo(new RecordError("/dealer", "lookup_not_found", "经销商引用的记录不存在"));
    }
}
