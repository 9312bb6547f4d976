package io.mosaic.runtime.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.mosaic.api.app.AppManifest;
import io.mosaic.api.definition.DefinitionProblem;
import io.mosaic.api.security.RowCondition;
import io.mosaic.form.api.FieldType;
import io.mosaic.form.api.FormKind;
import io.mosaic.form.model.FieldModel;
import io.mosaic.form.model.FormModel;
import io.mosaic.runtime.form.FormPublishCheck;
import io.mosaic.runtime.metadata.DefinitionPublished;
import io.mosaic.runtime.metadata.MetadataService;
import io.mosaic.runtime.web.ApiException;

/**
 * On an app manifest's publish, before its roles are installed: each grant's row conditions must name a field of the
 * granted form that can hold what they compare ({@code contains} a multi-select or checkbox field, {@code eq} a single
 * value), and a {@code $form.field} value a field of a published form. Refused with 422 at the condition's pointer.
 */
@Component
class RowFilterPublishCheck {

    private final MetadataService metadata;

    RowFilterPublishCheck(MetadataService metadata) {
        this.metadata = metadata;
    }

    @EventListener
    @Order(0)
    void onPublished(DefinitionPublished published) {
        if (!MetadataService.APP_KIND.equals(published.kind())) {
            return;
        }
        List<DefinitionProblem> problems = new ArrayList<>();
        List<AppManifest.Role> roles = AppManifest.read(published.content()).roles();
        for (int r = 0; r < roles.size(); r++) {
            List<AppManifest.Grant> grants = roles.get(r).grants();
            for (int g = 0; g < grants.size(); g++) {
                List<RowCondition> conditions = grants.get(g).rowFilter();
                for (int c = 0; c < conditions.size(); c++) {
                    check(published.appKey(), grants.get(g).form(), conditions.get(c),
                            "/roles/" + r + "/grants/" + g + "/rowFilter/" + c, problems);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw ApiException.invalidDefinition("The app's row filters name what its forms do not have", problems);
        }
    }

    private void check(String app, String formKey, RowCondition condition, String at, List<DefinitionProblem> problems) {
        Optional<FormModel> form = form(app, formKey);
        if (form.isEmpty()) {
            problems.add(DefinitionProblem.at(at, "The form '" + formKey + "' is not published; publish it first"));
            return;
        }
        Optional<FieldModel> field = form.get().field(condition.field());
        boolean multiple = field.map(f -> f.type() == FieldType.MULTISELECT || f.type() == FieldType.CHECKBOX)
                .orElse(false);
        if (field.isEmpty() || (RowCondition.CONTAINS.equals(condition.op()) ? !multiple
                : multiple || !FormPublishCheck.matchable(field.get()))) {
            problems.add(DefinitionProblem.at(at + "/field", "The form '" + formKey + "' has no field '"
                    + condition.field() + "' that " + condition.op() + " can compare"
                    + (RowCondition.CONTAINS.equals(condition.op()) ? " (contains needs a multi-select or checkbox)" : "")));
        }
        String[] reader = condition.readerField();
        if (reader != null && form(app, reader[0]).flatMap(f -> f.field(reader[1])).isEmpty()) {
            problems.add(DefinitionProblem.at(at + "/value", "No published form '" + reader[0] + "' has a field '"
                    + reader[1] + "' to read of the reader's dealer record"));
        }
    }

    private Optional<FormModel> form(String app, String key) {
        return metadata.latestPublished(app, FormKind.KEY, key).map(version -> FormModel.read(key, version.content()));
    }
}
