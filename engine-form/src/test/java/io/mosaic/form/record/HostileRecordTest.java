package io.mosaic.form.record;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Locale;

import static io.mosaic.form.record.Fixtures.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

class HostileRecordTest {

    private static final RecordValidator VALIDATOR = RecordValidator.compile(
            RecordSchema.of("sample", Fixtures.text("every-field.form.json")), Fixtures.CONDITIONS);
    private static final ObjectNode VALID = Fixtures.json("every-field.valid.json");

    private static List<RecordError> errors(String record) {
        return VALIDATOR.validate(record, Locale.ENGLISH);
    }

    @Test
    @Timeout(5)
    void refusesAVeryLongStringByItsLimit() {
        String record = with(VALID, "/title", "\"" + "a".repeat(5_000_000) + "\"").toString();

        assertThat(errors(record)).extracting(RecordError::pointer, RecordError::code)
                .containsExactly(tuple("/title", "max_length"));
    }

    @Test
    void refusesDeeplyNestedJsonBeforeLookingAtIt() {
        String record = "{\"title\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";

        assertThat(errors(record)).extracting(RecordError::pointer, RecordError::code)
                .containsExactly(tuple("", "too_deep"));
    }

    @Test
    void refusesANumberOfThousandsOfDigitsWhileParsing() {
        String record = with(VALID, "/amount", "1").toString().replace("\"amount\":1", "\"amount\":" + "9".repeat(5_000));

        assertThat(errors(record)).extracting(RecordError::pointer, RecordError::code)
                .containsExactly(tuple("", "too_large"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"title\": ", "[1, 2", "{\"title\":\"a\"} {}", "", "nonsense"})
    void refusesTextThatIsNotOneJsonValue(String record) {
        assertThat(errors(record)).extracting(RecordError::code).containsExactly("invalid_json");
    }

    @Test
    void refusesARepeatedMemberInsteadOfKeepingEitherValue() {
        assertThat(errors("{\"title\":\"a\",\"title\":\"b\"}")).extracting(RecordError::code)
                .containsExactly("invalid_json");
    }

    @Test
    void refusesARecordThatIsNotAnObject() {
        assertThat(errors("[]")).extracting(RecordError::pointer, RecordError::code).containsExactly(tuple("", "type"));
        assertThat(errors("null")).extracting(RecordError::pointer, RecordError::code).containsExactly(tuple("", "required"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e400", "-1e400", "1e999999999", "1e-999999999", "123456789012345678901234567890123456789012"})
    @Timeout(5)
    void refusesNumbersNoColumnCanHoldWithoutComputingWithThem(String number) {
        for (String pointer : List.of("/quantity", "/amount", "/dealer", "/lines/0/price")) {
            String record = with(VALID, pointer, number).toString();

            assertThat(errors(record)).extracting(RecordError::pointer, RecordError::code)
                    .containsExactly(tuple(pointer, "out_of_range"));
        }
    }

    @Test
    void refusesInfinityInATreeParsedElsewhere() {
        ObjectNode record = VALID.deepCopy();
        record.put("amount", Double.POSITIVE_INFINITY);

        assertThat(VALIDATOR.validate(record, Locale.ENGLISH)).extracting(RecordError::pointer, RecordError::code)
                .containsExactly(tuple("/amount", "out_of_range"));
    }

    @Test
    void boundsAnUnboundedIntegerByItsColumn() {
        String record = with(VALID, "/lines/0/quantity", "9223372036854775808").toString();

        assertThat(errors(record)).extracting(RecordError::pointer, RecordError::code)
                .containsExactly(tuple("/lines/0/quantity", "maximum"));
    }

    @Test
    void takesSqlMetacharactersAsPlainText() {
        String injection = "\"x'); DROP TABLE sample; -- \\\" OR 1=1 /* ` ; \\\\\"";
        ObjectNode record = with(with(VALID, "/title", injection), "/notes", injection);
        record = with(record, "/lines/0/item", injection);

        assertThat(VALIDATOR.validate(record, Locale.ENGLISH)).isEmpty();
        assertThat(errors(with(VALID, "/level", injection).toString())).extracting(RecordError::code)
                .containsExactly("enum");
    }
}
