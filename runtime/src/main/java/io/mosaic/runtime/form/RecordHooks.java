package io.mosaic.runtime.form;

import io.mosaic.form.store.SaveHooks;

/** What runs around the saves of a form's records (its rules); {@link FormRecords} puts it on every store it hands out. */
public interface RecordHooks {

    SaveHooks forForm(String app, String form);
}
