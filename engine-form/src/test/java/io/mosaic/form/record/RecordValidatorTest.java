package io.mosaic.form.record;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Locale;

import static io.mosaic.form.record.Fixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

class RecordValidatorTest {

    private static final RecordValidator VALIDATOR = RecordValidator.compile(
            RecordSchema.of("sample", Fixtures.text("every-field.form.json")), Fixtures.CONDITIONS);
    private static final ObjectNode VALID = Fixtures.json("every-field.valid.json");

    private static List<RecordError> errors(ObjectNode record) {
        return VALIDATOR.validate(record, Locale.ENGLISH);
    }

    @Test
    void acceptsARecordWithAValueOfEveryType() {
        assertThat(errors(VALID)).isEmpty();
        assertThat(VALIDATOR.validate(VALID.toString(), Locale.ENGLISH)).isEmpty();
    }

    @ParameterizedTest(name = "{0} = {1} is accepted")
    @CsvSource(delimiter = '|', value = {
            "/title      | \"x\"",
            "/notes      | null",
            "/quantity   | 1000",
            "/quantity   | 0",
            "/weight     | -123456789.125",
            "/amount     | 1000000",
            "/amount     | 0.1",
            "/discount   | 100",
            "/signed_on  | \"2024-02-29\"",
            "/visited_at | \"2026-11-24T01:30:00Z\"",
            "/opens_at   | \"23:59:59\"",
            "/level      | null",
            "/tags       | []",
            "/channel    | \"a\"",
            "/services   | [\"b\", \"a\"]",
            "/active     | false",
            "/email      | \"a.b+c@example.co\"",
            "/phone      | \"010-8888 6666\"",
            "/website    | \"http://example.com\"",
            "/owner      | 1",
            "/department | null",
            "/dealer     | 9007199254740993",
            "/lines      | [{\"item\": \"Washer\"}, {\"item\": \"Nut\", \"quantity\": 1}, {\"item\": \"Bolt\"}]",
            "/contract   | []",
            "/photo      | [{\"id\": \"p\", \"name\": \"a.WEBP\", \"size\": 0, \"contentType\": \"image/webp\"}]",
            "/address    | {\"province\": \"北京市\", \"city\": \"北京市\"}",
            "/story      | \"<script>alert(1)</script> is only text here; sanitising is storage's\"",
            "/level      | \"b\"",
    })
    void acceptsValidValues(String pointer, String value) {
        ObjectNode record = with(VALID, pointer, value);
        if (pointer.equals("/level") && value.equals("\"b\"")) {
            record = with(record, "/reason", "\"Wholesale\"");
        }
        assertThat(errors(record)).isEmpty();
    }

    @ParameterizedTest(name = "{0} = {1} is refused with {2} at {3}")
    @CsvSource(delimiter = '|', nullValues = "ABSENT", value = {
            "/title               | ABSENT                   | required       | /title",
            "/title               | null                     | required       | /title",
            "/title               | \"\"                     | required       | /title",
            "/title               | 42                       | type           | /title",
            "/notes               | \"<501 chars>\"          | max_length     | /notes",
            "/quantity            | 1001                     | maximum        | /quantity",
            "/quantity            | -1                       | minimum        | /quantity",
            "/quantity            | 1.5                      | type           | /quantity",
            "/quantity            | \"12\"                   | type           | /quantity",
            "/weight              | 1.0005                   | scale          | /weight",
            "/weight              | 1000000000               | maximum        | /weight",
            "/amount              | 1000000.01               | maximum        | /amount",
            "/amount              | 9.999                    | scale          | /amount",
            "/discount            | 100.5                    | maximum        | /discount",
            "/signed_on           | \"2023-02-29\"           | format         | /signed_on",
            "/signed_on           | \"24.11.2026\"           | format         | /signed_on",
            "/visited_at          | \"2026-11-24 09:30\"     | format         | /visited_at",
            "/opens_at            | \"24:00\"                | format         | /opens_at",
            "/level               | \"c\"                    | enum           | /level",
            "/tags                | [\"a\", \"z\"]           | enum           | /tags/1",
            "/tags                | [\"a\", \"a\"]           | duplicate      | /tags",
            "/channel             | [\"a\"]                  | type           | /channel",
            "/services            | \"a\"                    | type           | /services",
            "/active              | \"true\"                 | type           | /active",
            "/email               | \"not-an-address\"       | format         | /email",
            "/phone               | \"call me\"              | format         | /phone",
            "/website             | \"javascript:alert(1)\"  | format         | /website",
            "/owner               | 0                        | minimum        | /owner",
            "/department          | \"12\"                   | type           | /department",
            "/dealer              | 4.5                      | type           | /dealer",
            "/lines               | []                       | min_rows       | /lines",
            "/lines               | ABSENT                   | required       | /lines",
            "/lines/1/quantity    | 0                        | minimum        | /lines/1/quantity",
            "/lines/0/item        | ABSENT                   | required       | /lines/0/item",
            "/lines/0/price       | 1.001                    | scale          | /lines/0/price",
            "/lines/0/colour      | \"red\"                  | unknown_field  | /lines/0/colour",
            "/lines/0/line_amount | 15                       | read_only      | /lines/0/line_amount",
            "/contract/0/size     | 1048577                  | file_too_large | /contract/0/size",
            "/contract/0/name     | \"contract.docx\"        | file_type      | /contract/0/name",
            "/contract/0/path     | \"/etc/passwd\"          | unknown_field  | /contract/0/path",
            "/contract/0/id       | \"../../x\"              | format         | /contract/0/id",
            "/photo/0/contentType | \"text/html\"            | format         | /photo/0/contentType",
            "/address/city        | ABSENT                   | required       | /address/city",
            "/address/district    | \"南山区\"               | unknown_field  | /address/district",
            "/address             | \"广东省深圳市\"         | type           | /address",
            "/story               | \"<100001 chars>\"       | max_length     | /story",
            "/number              | \"S-202611-00001\"       | read_only      | /number",
            "/total               | 3                        | read_only      | /total",
            "/status              | \"a\"                    | read_only      | /status",
            "/id                  | 7                        | system_field   | /id",
            "/version             | 3                        | system_field   | /version",
            "/colour              | \"red\"                  | unknown_field  | /colour",
    })
    void refusesInvalidValues(String pointer, String value, String code, String at) {
        List<RecordError> errors = errors(with(VALID, pointer, expand(value)));

        assertThat(errors).extracting(RecordError::pointer, RecordError::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple(at, code));
    }

    /** {@code "<N chars>"} stands for a string of N letters. */
    private static String expand(String value) {
        if (value != null && value.matches("\"<\\d+ chars>\"")) {
            return "\"" + "x".repeat(Integer.parseInt(value.replaceAll("\\D", ""))) + "\"";
        }
        return value;
    }

    @Test
    void refusesTooManyRowsAndFiles() {
        ObjectNode record = with(VALID, "/lines", "[{\"item\":\"a\"},{\"item\":\"b\"},{\"item\":\"c\"},{\"item\":\"d\"}]");
        record = with(record, "/contract", "[" + String.join(",", List.of(file("a"), file("b"), file("c"))) + "]");

        assertThat(errors(record)).extracting(RecordError::pointer, RecordError::code).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("/lines", "max_rows"),
                org.assertj.core.groups.Tuple.tuple("/contract", "max_files"));
    }

    private static String file(String id) {
        return "{\"id\":\"" + id + "\",\"name\":\"" + id + ".pdf\",\"size\":1,\"contentType\":\"application/pdf\"}";
    }

    @Test
    void reportsEveryBadRowCellWithItsOwnPointer() {
        ObjectNode record = with(VALID, "/lines", "[{\"item\":\"a\"},{\"item\":\"b\",\"quantity\":-3},"
                + "{\"quantity\":\"many\"}]");

        assertThat(errors(record)).extracting(RecordError::pointer, RecordError::code).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("/lines/1/quantity", "minimum"),
                org.assertj.core.groups.Tuple.tuple("/lines/2/item", "required"),
                org.assertj.core.groups.Tuple.tuple("/lines/2/quantity", "type"));
    }

    @Test
    void requiresAFieldOnlyWhileItsConditionShowsIt() {
        assertThat(errors(with(VALID, "/level", "\"a\""))).isEmpty();
        assertThat(errors(with(VALID, "/level", "\"b\""))).extracting(RecordError::pointer, RecordError::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("/reason", "required"));
    }

    @Test
    void appliesRowConditionsToEachRow() {
        ObjectNode record = with(VALID, "/lines/1/gift_note", null);

        assertThat(errors(record)).extracting(RecordError::pointer, RecordError::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("/lines/1/gift_note", "required"));
        assertThat(errors(with(record, "/lines/1/price", "2"))).isEmpty();
    }

    @Test
    void refusesAFormWithConditionsButNoEvaluator() {
        RecordSchema schema = RecordSchema.of("sample", Fixtures.text("every-field.form.json"));

        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> RecordValidator.compile(schema, null))
                .withMessageContaining("condition evaluator");
    }
}
