package io.mosaic.form.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqlNamesTest {

    private static final String LONG_APP = "dealer" + "x".repeat(42);
    private static final String LONG_FORM = "order" + "y".repeat(43);

    @Test
    void namesPlainTablesReadably() {
        assertThat(SqlNames.table("dms", "order")).isEqualTo("f_dms_order");
        assertThat(SqlNames.childTable("dms", "order", "lines")).isEqualTo("f_dms_order__lines");
        assertThat(SqlNames.index(true, "f_dms_order", "number")).isEqualTo("ux$f_dms_order$number");
        assertThat(SqlNames.historyTable("dms", "order")).isEqualTo("f_dms_order$h");
        assertThat(SqlNames.sequenceTable("dms", "order")).isEqualTo("f_dms_order$seq");
    }

    @Test
    void keepsTheHistoryTableApartFromASubtableNamedH() {
        assertThat(SqlNames.historyTable("dms", "order")).isNotEqualTo(SqlNames.childTable("dms", "order", "h"));
        assertThat(SqlNames.historyTable(LONG_APP, LONG_FORM)).hasSize(SqlNames.MAX_LENGTH)
                .isNotEqualTo(SqlNames.table(LONG_APP, LONG_FORM))
                .isNotEqualTo(SqlNames.childTable(LONG_APP, LONG_FORM, "h"));
    }

    @Test
    void keepsTheSequenceTableApartFromEveryOtherTableOfTheForm() {
        assertThat(SqlNames.sequenceTable(LONG_APP, LONG_FORM)).hasSize(SqlNames.MAX_LENGTH)
                .isNotEqualTo(SqlNames.table(LONG_APP, LONG_FORM))
                .isNotEqualTo(SqlNames.historyTable(LONG_APP, LONG_FORM))
                .isNotEqualTo(SqlNames.childTable(LONG_APP, LONG_FORM, "seq"));
    }

    @Test
    void shortensLongNamesDeterministicallyWithinTheLimit() {
        String table = SqlNames.table(LONG_APP, LONG_FORM);

        assertThat(table).hasSize(SqlNames.MAX_LENGTH)
                .startsWith(("f_" + LONG_APP + "_" + LONG_FORM).substring(0, 53))
                .matches(".*\\$[0-9a-f]{10}")
                .isEqualTo(SqlNames.table(LONG_APP, LONG_FORM));
        assertThat(SqlNames.table(LONG_APP, LONG_FORM.substring(0, 47) + "z")).isNotEqualTo(table).hasSize(SqlNames.MAX_LENGTH);
        assertThat(SqlNames.childTable(LONG_APP, LONG_FORM, "lines")).hasSize(SqlNames.MAX_LENGTH).isNotEqualTo(table);
        assertThat(SqlNames.index(false, table, "l".repeat(48))).hasSize(SqlNames.MAX_LENGTH);
    }

    @Test
    void keepsAppAndFormPairsThatWouldReadAlikeApart() {
        assertThat(SqlNames.table("a_b", "c")).isNotEqualTo(SqlNames.table("a", "b_c"));
        assertThat(SqlNames.table("a", "b__c")).isNotEqualTo(SqlNames.childTable("a", "b", "c"));
        assertThat(SqlNames.childTable("a", "b_", "c")).isNotEqualTo(SqlNames.table("a", "b___c"));
        assertThat(SqlNames.table("a_b", "c")).startsWith("f_a_b_c$");
    }

    @ParameterizedTest(name = "key {0} is refused")
    @ValueSource(strings = {"x`; DROP TABLE mo_user; --", "Order", "a-b", "a b", "1st", "a$b", "", "a'b",
            "a1234567890123456789012345678901234567890123456789"})
    void refusesKeysThatAreNotDefinitionKeys(String key) {
        assertThatThrownBy(() -> SqlNames.table("dms", key)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Not a definition key");
        assertThatThrownBy(() -> SqlNames.column(key)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void quotesOnlyStorageIdentifiers() {
        assertThat(SqlNames.quote("f_dms_order")).isEqualTo("`f_dms_order`");
        assertThatThrownBy(() -> SqlNames.quote("a` OR 1=1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SqlNames.quote(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
