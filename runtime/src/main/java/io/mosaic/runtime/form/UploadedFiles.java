package io.mosaic.runtime.form;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.mosaic.form.file.StoredFile;

/** The platform's description of each uploaded file ({@code MO_FILE}); the bytes are the {@code FileStore}'s. */
@Component
class UploadedFiles {

    private static final String COLUMNS = "id, app_key, form_key, field, name, content_type, size, sha256, created_by, "
            + "created_at, record_id";

    private final JdbcClient jdbc;

    UploadedFiles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One uploaded file.
     *
     * @param field     the field it was uploaded for: a key, or {@code subtable.column}
     * @param createdAt UTC
     * @param recordId  the record holding it, null until one does
     */
    record Upload(String id, String app, String form, String field, String name, String contentType, long size,
                  String sha256, long createdBy, LocalDateTime createdAt, Long recordId) {

        StoredFile file() {
            return new StoredFile(id, name, size, contentType);
        }
    }

    void insert(Upload upload) {
        jdbc.sql("INSERT INTO MO_FILE (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(upload.id(), upload.app(), upload.form(), upload.field(), upload.name(), upload.contentType(),
                        upload.size(), upload.sha256(), upload.createdBy(), upload.createdAt(), upload.recordId())
                .update();
    }

    /** File {@code id} if it was uploaded for a field of this form. */
    Optional<Upload> find(String app, String form, String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM MO_FILE WHERE id = ? AND app_key = ? AND form_key = ?")
                .params(id, app, form).query(UploadedFiles::row).optional();
    }

    /** Those of {@code ids} uploaded for {@code field} of this form. */
    List<Upload> find(String app, String form, String field, Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM MO_FILE WHERE app_key = ? AND form_key = ? AND field = ? AND id IN ("
                        + String.join(", ", ids.stream().map(id -> "?").toList()) + ")")
                .params(parameters(List.of(app, form, field), ids)).query(UploadedFiles::row).list();
    }

    /**
     * Marks the files as record {@code recordId}'s, on the record write's connection and transaction; the row lock
     * taken keeps a concurrent write from attaching the same file elsewhere.
     *
     * @return those of {@code ids} that another record holds (or that are gone)
     */
    Set<String> attach(Connection connection, String app, String form, long recordId, Set<String> ids) throws SQLException {
        Set<String> taken = new LinkedHashSet<>();
        try (PreparedStatement update = connection.prepareStatement("UPDATE MO_FILE SET record_id = ? WHERE id = ? "
                + "AND app_key = ? AND form_key = ? AND (record_id IS NULL OR record_id = ?)")) {
            for (String id : ids) {
                update.setLong(1, recordId);
                update.setString(2, id);
                update.setString(3, app);
                update.setString(4, form);
                update.setLong(5, recordId);
                if (update.executeUpdate() == 0) {
                    taken.add(id);
                }
            }
        }
        return taken;
    }

    private static List<Object> parameters(List<Object> first, Collection<String> more) {
        List<Object> all = new ArrayList<>(first);
        all.addAll(more);
        return all;
    }

    private static Upload row(ResultSet rs, int rowNumber) throws SQLException {
        return new Upload(rs.getString("id"), rs.getString("app_key"), rs.getString("form_key"), rs.getString("field"),
                rs.getString("name"), rs.getString("content_type"), rs.getLong("size"), rs.getString("sha256"),
                rs.getLong("created_by"), rs.getObject("created_at", LocalDateTime.class),
                rs.getObject("record_id", Long.class));
    }
}
