package io.mosaic.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseKindTest {

    @Test
    void theUrlPicksTheDatabase() {
        assertThat(DatabaseKind.of("jdbc:h2:file:./data/mosaic;MODE=MySQL")).isEqualTo(DatabaseKind.H2);
        assertThat(DatabaseKind.of("jdbc:mysql://db:3306/mosaic")).isEqualTo(DatabaseKind.MYSQL);
        assertThat(DatabaseKind.of("jdbc:mariadb://db:3306/mosaic")).isEqualTo(DatabaseKind.MARIADB);
    }

    @Test
    void mysqlAndMariaDbUrlsGetNullDatabaseMeansCurrentKeepingTheirOwnParameters() {
        assertThat(DatabaseKind.MARIADB.normalise("jdbc:mariadb://db/m")).isEqualTo("jdbc:mariadb://db/m?nullDatabaseMeansCurrent=true");
        assertThat(DatabaseKind.MYSQL.normalise("jdbc:mysql://db/m?useSSL=true"))
                .isEqualTo("jdbc:mysql://db/m?useSSL=true&nullDatabaseMeansCurrent=true");
        assertThat(DatabaseKind.MYSQL.normalise("jdbc:mysql://db/m?nullDatabaseMeansCurrent=false"))
                .isEqualTo("jdbc:mysql://db/m?nullDatabaseMeansCurrent=false");
        assertThat(DatabaseKind.H2.normalise("jdbc:h2:mem:x")).isEqualTo("jdbc:h2:mem:x");
    }

    @Test
    void refusesOtherDatabasesNamingTheUrlWithoutItsPassword() {
        assertThatThrownBy(() -> DatabaseKind.of("jdbc:postgresql://db/m?password=secret"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:postgresql://db/m?password=***");
    }
}
