package io.mosaic.form.store;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One field an update changed. Values are as they were sent and stored (a sub-table as its rows);
 * a blank value is JSON {@code null}.
 *
 * @param changedAt RFC 3339 in UTC, like a record's {@code updated_at}
 */
public record FieldChange(String changedAt, long changedBy, String field, JsonNode oldValue, JsonNode newValue) {
}
