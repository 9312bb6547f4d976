package io.mosaic.form.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Row scopes as SQL predicates. */
class RowFilterTest {

    @Test
    void anyOfJoinsItsFiltersWithOrAndBindsTheirValuesInOrder() {
        List<Object> params = new ArrayList<>();

        String sql = RowFilter.anyOf(List.of(RowFilter.ownerIn(Set.of(7L)), RowFilter.dealer("D1"))).sql(params);

        assertThat(sql).isEqualTo("(`owner_id` IN (?)) OR (`dealer_id` = ?)");
        assertThat(params).containsExactly(7L, "D1");
    }

    @Test
    void anyOfNothingLetsNoRecordThrough() {
        assertThat(RowFilter.anyOf(List.of()).sql(new ArrayList<>())).isEqualTo("1 = 0");
    }

    @Test
    void aGrantsConditionsJoinItsScopeWithAndAndMatchAJsonArraysValueLiterally() {
        List<Object> params = new ArrayList<>();

        String sql = RowFilter.allOf(List.of(RowFilter.ALL, RowFilter.field("levels", true, "A_%", true),
                RowFilter.field("region", false, 12L, false))).sql("s", params);

        assertThat(sql).isEqualTo("(1 = 1) AND (`s`.`levels` LIKE ? ESCAPE '!' OR `s`.`levels` IS NULL OR "
                + "`s`.`levels` = '[]') AND (`s`.`region` = ?)");
        assertThat(params).containsExactly("%\"A!_!%\"%", 12L);
    }

    @Test
    void aConditionWithoutAReaderValueLetsOnlyBlankFieldsThroughIfAny() {
        assertThat(RowFilter.field("region", false, null, true).sql(new ArrayList<>())).isEqualTo("`region` IS NULL");
        assertThat(RowFilter.field("levels", true, null, false).sql(new ArrayList<>())).isEqualTo("1 = 0");
    }
}
