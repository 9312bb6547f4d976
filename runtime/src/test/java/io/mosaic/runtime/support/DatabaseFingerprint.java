package io.mosaic.runtime.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A digest of every row of the platform's, the published forms' and Flowable's repository, runtime and history tables, to prove that a refused
 * request wrote nothing at all. Session and login-throttling tables are left out: they change with
 * every request by design.
 */
public final class DatabaseFingerprint {

    private DatabaseFingerprint() {
    }

    /** Table name → digest of its rows. */
    public static Map<String, String> of(DataSource dataSource) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        Map<String, String> digests = new TreeMap<>();
        for (String table : tables(dataSource)) {
            List<String> rows = new ArrayList<>(jdbc.query("SELECT * FROM " + table, (rs, n) -> row(rs)));
            rows.sort(null);
            digests.put(table, sha256(String.join("\n", rows)));
        }
        return digests;
    }

    private static List<String> tables(DataSource dataSource) {
        List<String> tables = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             ResultSet rs = c.getMetaData().getTables(c.getCatalog(), null, "%", new String[] {"TABLE", "BASE TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                String upper = name.toUpperCase(Locale.ROOT);
                // F_: the tables of published forms (records, sub-table rows, history, serial counters)
                boolean ours = upper.startsWith("MO_") || upper.startsWith("F_") || upper.startsWith("ACT_RE_")
                        || upper.startsWith("ACT_GE_") || upper.startsWith("ACT_RU_") || upper.startsWith("ACT_HI_");
                boolean volatileTable = upper.startsWith("MO_SESSION") || upper.contains("LOGIN")
                        || upper.equals("MO_SCHEMA_HISTORY") || upper.equals("ACT_GE_PROPERTY");
                if (ours && !volatileTable) {
                    tables.add(name);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return tables;
    }

    private static String row(ResultSet rs) throws SQLException {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
            Object value = rs.getObject(i);
            // A BLOB or CLOB as the driver returns it prints as a new object on every read: digest its content.
            if (value instanceof java.sql.Blob blob) {
                value = blob.getBytes(1, (int) blob.length());
            } else if (value instanceof java.sql.Clob clob) {
                value = clob.getSubString(1, (int) clob.length());
            }
            row.append(value instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : String.valueOf(value)).append('|');
        }
        return row.toString();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
