package io.mosaic.report.run;

import io.mosaic.form.model.FormModel;

import java.util.Optional;

/** The published forms of one app a dataset may read, by key. */
@FunctionalInterface
public interface FormModels {

    Optional<FormModel> form(String key);
}
