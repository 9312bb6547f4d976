package io.mosaic.form.store;

import org.junit.jupiter.api.Test;

import static io.mosaic.form.store.ColumnType.Kind.DATE;
import static io.mosaic.form.store.ColumnType.Kind.DATETIME;
import static io.mosaic.form.store.ColumnType.Kind.LONGTEXT;
import static io.mosaic.form.store.ColumnType.Kind.TIME;
import static org.assertj.core.api.Assertions.assertThat;

class ColumnTypeTest {

    @Test
    void widensWithinAKind() {
        assertThat(ColumnType.varchar(50).union(ColumnType.varchar(200))).contains(ColumnType.varchar(200));
        assertThat(ColumnType.integer(4).union(ColumnType.bigint())).contains(ColumnType.bigint());
        assertThat(ColumnType.decimal(18, 4).union(ColumnType.decimal(20, 2))).contains(ColumnType.decimal(22, 4));
    }

    @Test
    void widensAlongTheFieldStorages() {
        assertThat(ColumnType.varchar(50).union(ColumnType.of(LONGTEXT))).contains(ColumnType.of(LONGTEXT));
        assertThat(ColumnType.integer(4).union(ColumnType.decimal(18, 2))).contains(ColumnType.decimal(18, 2));
        assertThat(ColumnType.bigint().union(ColumnType.decimal(18, 2))).contains(ColumnType.decimal(21, 2));
        assertThat(ColumnType.of(DATE).union(ColumnType.of(DATETIME))).contains(ColumnType.of(DATETIME));
    }

    @Test
    void keepsAWiderColumnAsItIs() {
        assertThat(ColumnType.of(LONGTEXT).union(ColumnType.varchar(100))).contains(ColumnType.of(LONGTEXT));
        assertThat(ColumnType.decimal(21, 2).union(ColumnType.bigint())).contains(ColumnType.decimal(21, 2));
        assertThat(ColumnType.varchar(200).union(ColumnType.varchar(20))).contains(ColumnType.varchar(200));
        assertThat(ColumnType.of(DATETIME).union(ColumnType.of(DATE))).contains(ColumnType.of(DATETIME));
    }

    @Test
    void findsNoTypeForValuesOfUnrelatedKinds() {
        assertThat(ColumnType.varchar(50).union(ColumnType.bigint())).isEmpty();
        assertThat(ColumnType.of(DATE).union(ColumnType.of(TIME))).isEmpty();
        assertThat(ColumnType.of(ColumnType.Kind.OTHER).union(ColumnType.of(ColumnType.Kind.OTHER))).isEmpty();
    }
}
