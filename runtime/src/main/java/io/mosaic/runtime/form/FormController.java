package io.mosaic.runtime.form;

import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mosaic.api.security.FormAction;
import io.mosaic.form.api.FieldType;
import io.mosaic.form.model.FieldModel;
import io.mosaic.form.record.RecordError;
import io.mosaic.form.store.InvalidRecordException;
import io.mosaic.runtime.metadata.AppAccess;
import io.mosaic.runtime.security.user.UserService;
import io.mosaic.runtime.web.ApiError;
import io.mosaic.runtime.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** A published form's record schema, and checking a record against it before it is saved. */
@Tag(name = "Forms", description = "Record schema of a published form and validation of records against it")
@RestController
@RequestMapping("/api/apps/{app}/forms/{form}")
@PreAuthorize("isAuthenticated()")
public class FormController {

    private final PublishedForms forms;
    private final FormRecords records;
    private final ObjectMapper json;

    FormController(PublishedForms forms, FormRecords records, ObjectMapper json) {
        this.forms = forms;
        this.records = records;
        this.json = json;
    }

    @Operation(summary = "The newest published version of the form as the user may see it (hidden fields left out, "
            + "expressions over them blinded), with the actions they may take and the fields they may only read")
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    FormView.View view(@PathVariable String app, @PathVariable String form, Authentication user)
            throws JsonProcessingException {
        PublishedForms.Published published = forms.published(app, form, user);
        return FormView.of(published, (ObjectNode) json.readTree(published.definition()),
                target -> forms.latestModel(app, target));
    }

    public record Validity(boolean valid) {
    }

    @Operation(summary = "The JSON Schema (draft 2020-12) of the records of the form's newest published version")
    @GetMapping(path = "/schema", produces = MediaType.APPLICATION_JSON_VALUE)
    String schema(@PathVariable String app, @PathVariable String form, Authentication user) {
        return forms.validator(app, form, user).schema().json();
    }

    @Operation(summary = "Check a record against the newest published version without saving it: "
            + "200 {valid:true}, or 422 record.invalid with one problem per value (pointer, code, message)")
    @PostMapping(path = "/validate", consumes = MediaType.APPLICATION_JSON_VALUE)
    Validity validate(@PathVariable String app, @PathVariable String form,
                   @RequestParam(required = false) String locale,
                   @RequestBody(required = false) String record, Authentication user) {
        Locale language = Locale.forLanguageTag(language(locale, user));
        // The text, not a bound tree: the validator's own parser bounds nesting, sizes and duplicate members.
        List<RecordError> errors = forms.validator(app, form, user).validate(record, language);
        if (errors.isEmpty()) {
            return new Validity(true);
        }
        throw invalidRecord(errors);
    }

    @Operation(summary = "The record's formula fields and defaults as a save would compute them now, reading lookups "
            + "and LOOKUP on the server, without saving: {values: {field: value, subtable: [{column: value}]}} with the "
            + "formula members and the defaults a blank value would take, none hidden from the user. A record still "
            + "missing required values is computed all the same; one holding a value of the wrong type or a lookup "
            + "target the user may not refer to gives {values: {}}; a formula that cannot be computed yet is null. "
            + "422 when the body is no JSON object")
    @PostMapping(path = "/preview", consumes = MediaType.APPLICATION_JSON_VALUE)
    ObjectNode preview(@PathVariable String app, @PathVariable String form,
                       @RequestParam(required = false) String locale,
                       @RequestBody(required = false) String record, Authentication user) throws SQLException {
        Locale language = Locale.forLanguageTag(language(locale, user));
        FormRecords.Access access = records.access(app, form, user, FormAction.READ);
        Optional<ObjectNode> previewed;
        try {
            previewed = access.store().preview(record, language);
        } catch (InvalidRecordException e) {
            throw invalidRecord(e.errors());
        }
        ObjectNode values = json.createObjectNode();
        ObjectNode out = json.createObjectNode();
        out.set("values", values);
        if (previewed.isEmpty()) {
            return out;
        }
        ObjectNode computed = previewed.get();
        for (FieldModel field : access.published().validator().schema().form().fields()) {
            if (access.hidden().contains(field.key())) {
                continue;
            }
            if (computes(field)) {
                values.set(field.key(), member(computed, field.key()));
            } else if (field.type() == FieldType.SUBTABLE && field.columns().stream().anyMatch(FormController::computes)) {
                ArrayNode rows = values.putArray(field.key());
                for (JsonNode row : computed.path(field.key())) {
                    ObjectNode shown = rows.addObject();
                    field.columns().stream().filter(FormController::computes)
                            .forEach(column -> shown.set(column.key(), member(row, column.key())));
                }
            }
        }
        return out;
    }

    private static JsonNode member(JsonNode record, String key) {
        return record.path(key).isMissingNode() ? NullNode.getInstance() : record.get(key);
    }

    private static boolean computes(FieldModel field) {
        return field.type() == FieldType.FORMULA || field.defaultExpression() != null;
    }

    /** 422 {@code record.invalid} with one problem per refused value, as validating and saving answer it. */
    public static ApiException invalidRecord(List<RecordError> errors) {
        return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "record.invalid",
                "The record has " + errors.size() + " invalid value" + (errors.size() == 1 ? "" : "s"),
                errors.stream().map(e -> new ApiError.Problem(e.pointer(), e.message(), e.code(), null)).toList());
    }

    /** The language asked for, else the user's own, else the platform's default. */
    public static String language(String asked, Authentication user) {
        if (asked != null) {
            if (!UserService.LOCALES.contains(asked)) {
                throw new ApiException(HttpStatus.BAD_REQUEST, "request.invalid", "Unsupported locale '" + asked + "'",
                        List.of(new ApiError.Problem("locale", "Use one of " + UserService.LOCALES.stream().sorted().toList())));
            }
            return asked;
        }
        String own = AppAccess.userContext(user).locale();
        return own == null ? UserService.DEFAULT_LOCALE : own;
    }
}
