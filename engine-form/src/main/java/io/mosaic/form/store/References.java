package io.mosaic.form.store;

import io.mosaic.form.file.StoredFile;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.mosaic.form.model.FieldModel;

/**
 * What the records of a form refer to outside its tables, as one user may use it: records of other forms
 * (lookups) and uploaded files. The store of a form knows neither other forms' permissions nor where files are
 * described, so the caller, which does, answers through this for the user at hand
 * ({@link RecordStore#withReferences}).
 *
 * <p>The store asks about every lookup value and file reference a write brings in (sub-table rows too) and
 * refuses the write with {@code lookup_not_found} or {@code file_not_found} at the value's pointer; reads and
 * lists ask for the display texts of their lookups.
 */
public interface References {

    /**
     * Takes every lookup target and file as the client sent it and knows no display texts: for the engine's own
     * callers and tests, which have no users.
     */
    References TRUSTED = new References() {
        @Override
        public Set<Long> visible(String form, List<FieldModel.LookupFilter> filter, Set<Long> ids) {
            return ids;
        }

        @Override
        public Map<Long, String> displayTexts(String form, String displayField, Set<Long> ids) {
            return Map.of();
        }

        @Override
        public Map<String, StoredFile> files(String field, Collection<StoredFile> sent, Long recordId) {
            Map<String, StoredFile> same = new LinkedHashMap<>();
            sent.forEach(file -> same.put(file.id(), file));
            return same;
        }

        @Override
        public Set<String> attach(Connection connection, long recordId, Set<String> fileIds) {
            return Set.of();
        }
    };

    /**
     * Those of {@code ids} that are live records of {@code form} the user may see (in their row scope) and that
     * meet the lookup's {@code filter}.
     */
    Set<Long> visible(String form, List<FieldModel.LookupFilter> filter, Set<Long> ids) throws SQLException;

    /**
     * The text of {@code displayField} of each of {@code ids} that is a live record of {@code form} the user may
     * see, with that field not hidden from them; the others are left out.
     */
    Map<Long, String> displayTexts(String form, String displayField, Set<Long> ids) throws SQLException;

    /**
     * Of the files a record names for {@code field} (a field key, or {@code subtable.column}), those the user may
     * put there, by id, as they were stored when uploaded (name, size and content type are not the client's to
     * say): a file uploaded for this form and field that the user uploaded and no record holds yet, or that record
     * {@code recordId} (null while creating) already holds.
     */
    Map<String, StoredFile> files(String field, Collection<StoredFile> sent, Long recordId) throws SQLException;

    /**
     * Marks the files as held by record {@code recordId}, on the connection and in the transaction of the write
     * that makes it so.
     *
     * @return those of {@code fileIds} another record took meanwhile; the write is then refused and rolled back
     */
    Set<String> attach(Connection connection, long recordId, Set<String> fileIds) throws SQLException;
}
