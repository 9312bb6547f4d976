package io.mosaic.form.record;

import java.util.Set;

/**
 * Members of a stored record that the platform keeps itself (DESIGN.md's system columns). A client
 * never sends them in a record body: the id is in the URL and the version for optimistic locking
 * travels apart from the values.
 */
public final class SystemFields {

    public static final Set<String> NAMES = Set.of(
            "id", "version", "owner_id", "org_id", "dealer_id", "created_by", "created_at", "updated_by",
            "updated_at", "deleted", "deleted_at", "deleted_by", "workflow_status", "process_instance_id",
            "form_version");

    private SystemFields() {
    }
}
