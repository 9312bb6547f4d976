package io.mosaic.runtime.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

import io.mosaic.form.store.SqlNames;
import io.mosaic.runtime.metadata.MetadataService;
import io.mosaic.runtime.support.RuntimeTest;
import io.mosaic.runtime.web.ApiException;

class FormTablesTest extends RuntimeTest {

    private static final String ACTOR = "analyst";

    @Autowired
    MetadataService metadata;

    @Autowired
    DataSource dataSource;

    private final String app = "ft" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @BeforeEach
    void createApp() {
        metadata.createApp(app, "{\"key\": \"" + app + "\", \"name\": {\"zh-CN\": \"表\", \"en\": \"Tables\"},"
                + " \"version\": \"1.0.0\", \"platform\": \">=0.1.0\", \"definitions\": []}", ACTOR);
    }

    @Test
    void publishingAFormCreatesItsTablesAndANewVersionAddsColumns() throws SQLException {
        metadata.publishContent(app, "form", "visit", form("\"title\",\"type\":\"text\",\"maxLength\":20"), null, ACTOR);
        execute("INSERT INTO `" + table() + "` (`title`) VALUES (?)", "first");

        metadata.publishContent(app, "form", "visit", form("\"title\",\"type\":\"text\",\"maxLength\":200")
                .replace("]}", ",{\"key\":\"score\",\"type\":\"integer\",\"label\":{\"zh-CN\":\"分\",\"en\":\"Score\"}}]}"),
                null, ACTOR);

        execute("INSERT INTO `" + table() + "` (`title`, `score`) VALUES (?, ?)", "x".repeat(200), 5);
        assertThat(count()).isEqualTo(2);
    }

    @Test
    void aSyncTheDatabaseRefusesRollsThePublishBack() throws SQLException {
        metadata.publishContent(app, "form", "visit", form("\"title\",\"type\":\"text\""), null, ACTOR);
        execute("INSERT INTO `" + table() + "` (`title`) VALUES (?)", "same");
        execute("INSERT INTO `" + table() + "` (`title`) VALUES (?)", "same");

        assertThatThrownBy(() -> metadata.publishContent(app, "form", "visit",
                form("\"title\",\"type\":\"text\",\"unique\":true"), null, ACTOR))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
                    assertThat(e.code()).isEqualTo("definition.schema_sync_failed");
                    assertThat(e.getMessage()).contains("unique index");
                });
        assertThat(metadata.versions(app, "form", "visit")).hasSize(1);
    }

    @Test
    void refusesToRetypeTheKeptColumnOfARemovedField() {
        metadata.publishContent(app, "form", "visit", form("\"title\",\"type\":\"text\""), null, ACTOR);
        metadata.publishContent(app, "form", "visit", form("\"note\",\"type\":\"text\""), null, ACTOR);

        assertThatThrownBy(() -> metadata.publishContent(app, "form", "visit", form("\"title\",\"type\":\"date\""), null, ACTOR))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo("definition.data_loss");
                    assertThat(e.problems()).singleElement().satisfies(p -> {
                        assertThat(p.pointer()).isEqualTo("/fields/0/type");
                        assertThat(p.message()).contains("'title'");
                    });
                });
        assertThat(metadata.versions(app, "form", "visit")).hasSize(2);
    }

    /** A form "visit" with one field, given as the key's value and the rest of the field's members. */
    private static String form(String field) {
        return "{\"key\":\"visit\",\"name\":{\"zh-CN\":\"拜访\",\"en\":\"Visit\"},\"fields\":[{\"key\":" + field
                + ",\"label\":{\"zh-CN\":\"字段\",\"en\":\"Field\"}}]}";
    }

    private String table() {
        return SqlNames.table(app, "visit");
    }

    private void execute(String sql, Object... values) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            s.executeUpdate();
        }
    }

    private long count() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM `" + table() + "`")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
