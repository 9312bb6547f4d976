package io.mosaic.form.record;

import java.util.Set;

/**
 * Members of a stored record that the platform keeps itself (DESIGN.md's system columns). A client
 * never sends them in a record body: the id is in the URL and the version for optimistic locking
 * travels apart from the values.
 */
public final class SystemFields {

    /**
     * The display texts of a record's lookups, which reads add beside the values ({@code "_display": {"dealer": "Acme"}});
     * a client sending it back is told it is the system's, as for {@code id}.
     */
    public static final String DISPLAY = "_display";

    public static final Set<String> NAMES = Set.of(
            "id", "version", "owner_id", "org_id", "dealer_id", "created_by", "created_at", "updated_by",
            "updated_at", "deleted", "deleted_at", "deleted_by", "workflow_status", "process_instance_id",
            "form_version", DISPLAY);

    private SystemFields() {
    }
}
