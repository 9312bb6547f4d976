package io.mosaic.runtime.form;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mosaic.form.file.StoredFile;
import io.mosaic.form.store.References;
import io.mosaic.form.store.SystemColumns;
import io.mosaic.form.model.FieldModel;
import io.mosaic.form.store.InvalidQueryException;
import io.mosaic.form.store.ListQuery;

/**
 * What one user may refer to from the records of one form. Lookup targets and their display texts through the
 * user's own read access to the target form (its row scope and hidden fields), exactly as if they read it; files
 * through their description in {@code MO_FILE}: one the user uploaded for this form and field and no record holds
 * yet, or one the record being changed holds already. Made per request by {@link FormRecords}; not thread-safe.
 */
final class UserReferences implements References {

    private final FormRecords records;
    private final UploadedFiles files;
    private final String app;
    private final String form;
    private final Authentication user;
    private final long userId;
    /** The user's read access to each target form asked about, empty when they may not read it. */
    private final Map<String, Optional<FormRecords.Access>> targets = new HashMap<>();

    UserReferences(FormRecords records, UploadedFiles files, String app, String form, Authentication user, long userId) {
        this.records = records;
        this.files = files;
        this.app = app;
        this.form = form;
        this.user = user;
        this.userId = userId;
    }

    @Override
    public Set<Long> visible(String targetForm, List<FieldModel.LookupFilter> filter, Set<Long> ids) throws SQLException {
        Optional<FormRecords.Access> target = target(targetForm);
        if (target.isEmpty()) {
            return Set.of();
        }
        try {
            // The filter is the analyst's, on fields the user may not see: it applies to every user alike.
            return target.get().store().find(ids, target.get().rows(), Set.of(), ListQuery.Filter.of(filter)).stream()
                    .map(record -> record.get(SystemColumns.ID).longValue()).collect(Collectors.toSet());
        } catch (InvalidQueryException brokenFilter) {
            // A filter naming a field the target form no longer has lets nothing through rather than everything.
            return Set.of();
        }
    }

    @Override
    public Map<Long, String> displayTexts(String targetForm, String displayField, Set<Long> ids) throws SQLException {
        Optional<FormRecords.Access> target = target(targetForm);
        if (target.isEmpty() || target.get().hidden().contains(displayField)) {
            return Map.of();
        }
        Map<Long, String> texts = new HashMap<>();
        for (ObjectNode record : target.get().store().find(ids, target.get().rows(), target.get().hidden())) {
            String text = displayText(record.path(displayField));
            if (text != null) {
                texts.put(record.get(SystemColumns.ID).longValue(), text);
            }
        }
        return texts;
    }

    @Override
    public Map<String, StoredFile> files(String field, Collection<StoredFile> sent, Long recordId) {
        List<String> ids = sent.stream().map(StoredFile::id).distinct().toList();
        Map<String, StoredFile> allowed = new LinkedHashMap<>();
        for (UploadedFiles.Upload upload : files.find(app, form, field, ids)) {
            boolean mine = upload.recordId() == null && upload.createdBy() == userId;
            if (mine || upload.recordId() != null && upload.recordId().equals(recordId)) {
                allowed.put(upload.id(), upload.file());
            }
        }
        return allowed;
    }

    @Override
    public Set<String> attach(Connection connection, long recordId, Set<String> fileIds) throws SQLException {
        return files.attach(connection, app, form, recordId, fileIds);
    }

    /** A value as a picker or a read shows it: text as it is, numbers, dates and switches written out. */
    static String displayText(JsonNode value) {
        if (value.isNull() || value.isMissingNode()) {
            return null;
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }

    private Optional<FormRecords.Access> target(String targetForm) {
        return targets.computeIfAbsent(targetForm, key -> records.readable(app, key, user));
    }
}
