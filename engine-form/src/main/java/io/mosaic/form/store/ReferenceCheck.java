package io.mosaic.form.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mosaic.form.api.FieldType;
import io.mosaic.form.file.StoredFile;
import io.mosaic.form.model.FieldModel;
import io.mosaic.form.model.FormModel;
import io.mosaic.form.record.ErrorCode;
import io.mosaic.form.record.RecordError;
import io.mosaic.form.record.SystemFields;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The lookup values and file references of a record, top-level and in sub-table rows: checked with
 * {@link References} before a write, marked as held in the write's transaction, and given display texts on reads.
 * References are asked once per target form or field, not once per value, so a thousand rows cost one question.
 */
final class ReferenceCheck {

    private static final Predicate<FieldModel> LOOKUP = f -> f.type() == FieldType.LOOKUP;
    private static final Predicate<FieldModel> FILES = f -> f.type() == FieldType.ATTACHMENT || f.type() == FieldType.IMAGE;

    private final FormModel form;

    ReferenceCheck(FormModel form) {
        this.form = form;
    }

    /**
     * One value of a record: its field or column, its path as {@link References} names fields ({@code dealer},
     * {@code lines.product}), its JSON Pointer, the object holding it and, in a sub-table, the row's index.
     */
    private record Site(FieldModel field, String path, String pointer, ObjectNode holder, String subtable, int row) {

        JsonNode value() {
            return holder.path(field.key());
        }
    }

    /**
     * Refuses lookup targets and files the user may not refer to, and puts each file as it was stored in place of
     * the description sent. A lookup value the stored record already holds in the same place (the field, or that
     * column in any row) is kept without asking: changing a record must not fail over a reference someone else
     * made to a record this user cannot see.
     *
     * @param stored the record before an update, null when creating
     * @throws InvalidRecordException {@code lookup_not_found} and {@code file_not_found} at each value's pointer
     */
    void check(ObjectNode record, ObjectNode stored, Long recordId, References references, Locale locale)
            throws SQLException {
        List<RecordError> errors = new ArrayList<>();
        checkLookups(record, stored, references, locale, errors);
        checkFiles(record, recordId, references, locale, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRecordException(errors);
        }
    }

    private void checkLookups(ObjectNode record, ObjectNode stored, References references, Locale locale,
                              List<RecordError> errors) throws SQLException {
        Map<String, Set<Long>> held = stored == null ? Map.of() : lookupIds(sites(stored, LOOKUP));
        List<Site> asked = new ArrayList<>();
        Map<Target, Set<Long>> idsByTarget = new LinkedHashMap<>();
        for (Site site : sites(record, LOOKUP)) {
            JsonNode value = site.value();
            if (value.isIntegralNumber() && !held.getOrDefault(site.path(), Set.of()).contains(value.longValue())) {
                asked.add(site);
                idsByTarget.computeIfAbsent(Target.of(site.field()), f -> new LinkedHashSet<>()).add(value.longValue());
            }
        }
        Map<Target, Set<Long>> visible = new LinkedHashMap<>();
        for (Map.Entry<Target, Set<Long>> target : idsByTarget.entrySet()) {
            visible.put(target.getKey(), references.visible(target.getKey().form(), target.getKey().filter(),
                    target.getValue()));
        }
        for (Site site : asked) {
            if (!visible.get(Target.of(site.field())).contains(site.value().longValue())) {
                errors.add(RecordError.of(site.pointer(), ErrorCode.LOOKUP_NOT_FOUND, site.field().label(), null, locale));
            }
        }
    }

    /** Lookups to one form under the same filter are asked about together. */
    private record Target(String form, List<FieldModel.LookupFilter> filter) {

        static Target of(FieldModel lookup) {
            return new Target(lookup.lookupForm(), lookup.lookupFilter());
        }
    }

    private void checkFiles(ObjectNode record, Long recordId, References references, Locale locale,
                            List<RecordError> errors) throws SQLException {
        List<Site> sites = sites(record, FILES);
        Map<String, List<StoredFile>> sentByPath = new LinkedHashMap<>();
        for (Site site : sites) {
            site.value().forEach(file -> sentByPath.computeIfAbsent(site.path(), p -> new ArrayList<>()).add(StoredFile.of(file)));
        }
        Map<String, Map<String, StoredFile>> allowed = new LinkedHashMap<>();
        for (Map.Entry<String, List<StoredFile>> sent : sentByPath.entrySet()) {
            allowed.put(sent.getKey(), references.files(sent.getKey(), sent.getValue(), recordId));
        }
        for (Site site : sites) {
            JsonNode files = site.value();
            for (int i = 0; i < files.size(); i++) {
                StoredFile kept = allowed.get(site.path()).get(files.get(i).path("id").asText());
                if (kept == null) {
                    errors.add(RecordError.of(site.pointer() + "/" + i, ErrorCode.FILE_NOT_FOUND, site.field().label(),
                            null, locale));
                } else {
                    ((ArrayNode) files).set(i, kept.json());
                }
            }
        }
    }

    /**
     * Marks the files {@code values} holds as record {@code recordId}'s, in the write's transaction.
     *
     * @throws InvalidRecordException {@code file_not_found} for a file another record took since {@link #check}
     */
    void attach(Connection connection, long recordId, ObjectNode values, References references, Locale locale)
            throws SQLException {
        List<Site> sites = sites(values, FILES);
        Set<String> ids = new LinkedHashSet<>();
        sites.forEach(site -> site.value().forEach(file -> ids.add(file.path("id").asText())));
        if (ids.isEmpty()) {
            return;
        }
        Set<String> taken = references.attach(connection, recordId, ids);
        List<RecordError> errors = new ArrayList<>();
        for (Site site : sites) {
            for (int i = 0; i < site.value().size(); i++) {
                if (taken.contains(site.value().get(i).path("id").asText())) {
                    errors.add(RecordError.of(site.pointer() + "/" + i, ErrorCode.FILE_NOT_FOUND, site.field().label(),
                            null, locale));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRecordException(errors);
        }
    }

    /**
     * Adds {@code _display} to each record: the display text of each of its lookups, mirroring where the value
     * is ({@code {"dealer": "Acme", "lines": [{"product": "Bolt"}]}}); null for a blank lookup or a target the user
     * may not see. Records without a visible lookup field get none.
     */
    void display(List<ObjectNode> records, References references) throws SQLException {
        List<List<Site>> sitesOfRecords = new ArrayList<>();
        Map<String, FieldModel> fields = new LinkedHashMap<>();
        Map<String, Set<Long>> ids = new LinkedHashMap<>();
        for (ObjectNode record : records) {
            List<Site> sites = sites(record, LOOKUP);
            sitesOfRecords.add(sites);
            for (Site site : sites) {
                fields.putIfAbsent(site.path(), site.field());
                Set<Long> pathIds = ids.computeIfAbsent(site.path(), p -> new LinkedHashSet<>());
                if (site.value().isIntegralNumber()) {
                    pathIds.add(site.value().longValue());
                }
            }
        }
        Map<String, Map<Long, String>> texts = new LinkedHashMap<>();
        for (Map.Entry<String, Set<Long>> path : ids.entrySet()) {
            FieldModel field = fields.get(path.getKey());
            texts.put(path.getKey(), path.getValue().isEmpty() ? Map.of()
                    : references.displayTexts(field.lookupForm(), field.lookupDisplayField(), path.getValue()));
        }
        for (int r = 0; r < records.size(); r++) {
            if (sitesOfRecords.get(r).isEmpty()) {
                continue;
            }
            ObjectNode display = JsonNodeFactory.instance.objectNode();
            for (Site site : sitesOfRecords.get(r)) {
                String text = site.value().isIntegralNumber() ? texts.get(site.path()).get(site.value().longValue()) : null;
                displayHolder(display, site).put(site.field().key(), text);
            }
            records.get(r).set(SystemFields.DISPLAY, display);
        }
    }

    /** Where a site's display text goes: {@code _display} itself, or the object of its row in {@code _display.<subtable>}. */
    private static ObjectNode displayHolder(ObjectNode display, Site site) {
        if (site.subtable() == null) {
            return display;
        }
        ArrayNode rows = display.withArrayProperty(site.subtable());
        while (rows.size() <= site.row()) {
            rows.addObject();
        }
        return (ObjectNode) rows.get(site.row());
    }

    private static Map<String, Set<Long>> lookupIds(List<Site> sites) {
        Map<String, Set<Long>> ids = new LinkedHashMap<>();
        for (Site site : sites) {
            if (site.value().isIntegralNumber()) {
                ids.computeIfAbsent(site.path(), p -> new HashSet<>()).add(site.value().longValue());
            }
        }
        return ids;
    }

    /** The values of fields and sub-table columns that {@code which} selects and {@code record} holds, in form order. */
    private List<Site> sites(ObjectNode record, Predicate<FieldModel> which) {
        List<Site> sites = new ArrayList<>();
        for (FieldModel field : form.fields()) {
            if (!record.has(field.key())) {
                continue;
            }
            if (field.type() != FieldType.SUBTABLE) {
                if (which.test(field)) {
                    sites.add(new Site(field, field.key(), "/" + field.key(), record, null, -1));
                }
                continue;
            }
            JsonNode rows = record.get(field.key());
            for (int i = 0; i < rows.size(); i++) {
                if (!(rows.get(i) instanceof ObjectNode row)) {
                    continue;
                }
                for (FieldModel column : field.columns()) {
                    if (which.test(column) && row.has(column.key())) {
                        sites.add(new Site(column, field.key() + "." + column.key(),
                                "/" + field.key() + "/" + i + "/" + column.key(), row, field.key(), i));
                    }
                }
            }
        }
        return sites;
    }
}
