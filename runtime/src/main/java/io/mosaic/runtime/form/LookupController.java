package io.mosaic.runtime.form;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.mosaic.api.security.FormAction;
import io.mosaic.form.api.FieldStorage;
import io.mosaic.form.api.FieldType;
import io.mosaic.form.model.FieldModel;
import io.mosaic.form.store.InvalidQueryException;
import io.mosaic.form.store.ListQuery;
import io.mosaic.form.store.SystemColumns;
import io.mosaic.runtime.web.ApiError;
import io.mosaic.runtime.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * What a lookup field may point at, for the picker: records of its target form that the user may see, found by
 * their display field.
 */
@Tag(name = "Lookups", description = "Candidate target records of a lookup field")
@RestController
@RequestMapping("/api/apps/{app}/forms/{form}/lookup")
@PreAuthorize("isAuthenticated()")
public class LookupController {

    private static final int DEFAULT_SIZE = 20;
    private static final int MAX_SIZE = 100;

    private final FormRecords records;

    LookupController(FormRecords records) {
        this.records = records;
    }

    /** A record a lookup may point at, and the text it is shown as (null when the user may not see it). */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Candidate(long id, String display) {
    }

    @Operation(summary = "Live records of the lookup's target form in the user's row scope whose display field contains "
            + "q (all when q is empty), ordered by it, at most size (1..100, default 20): [{id, display}]. field may be "
            + "subtable.column. Empty when the user may not read the target form")
    @GetMapping(path = "/{field}", produces = MediaType.APPLICATION_JSON_VALUE)
    List<Candidate> candidates(@PathVariable String app, @PathVariable String form, @PathVariable String field,
                               @RequestParam(required = false) String q, @RequestParam(required = false) Integer size,
                               Authentication user) throws SQLException {
        FormRecords.Access access = records.access(app, form, user, FormAction.READ);
        FieldModel lookup = access.field(field).filter(f -> f.type() == FieldType.LOOKUP)
                .orElseThrow(() -> ApiException.notFound("Lookup field '" + field + "'"));
        int limit = size == null ? DEFAULT_SIZE : size;
        if (limit < 1 || limit > MAX_SIZE) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "request.invalid", "size must be 1 to " + MAX_SIZE,
                    List.of(new ApiError.Problem("size", "1 to " + MAX_SIZE)));
        }
        Optional<FormRecords.Access> target = records.readable(app, lookup.lookupForm(), user);
        if (target.isEmpty()) {
            return List.of();
        }
        String displayKey = lookup.lookupDisplayField();
        Optional<FieldStorage> display = target.get().field(displayKey).map(LookupController::storage);
        boolean searching = q != null && !q.isBlank();
        if (searching && display.isEmpty()) {
            return List.of();
        }
        boolean text = display.filter(s -> s == FieldStorage.STRING || s == FieldStorage.TEXT).isPresent();
        boolean sortable = display.filter(s -> s != FieldStorage.TEXT && s != FieldStorage.JSON).isPresent();
        List<ListQuery.Filter> filters = new ArrayList<>(ListQuery.Filter.of(lookup.lookupFilter()));
        if (searching) {
            filters.add(new ListQuery.Filter(displayKey, text ? ListQuery.Op.CONTAINS : ListQuery.Op.EQ, q.strip()));
        }
        try {
            // The lookup's own filter may read fields hidden from the user; only the search is theirs.
            ListQuery query = new ListQuery(filters, sortable ? displayKey : null, !sortable, limit, null,
                    target.get().rows(), Set.of());
            return target.get().store().list(query).records().stream()
                    .map(record -> new Candidate(record.get(SystemColumns.ID).longValue(),
                            target.get().hidden().contains(displayKey) ? null
                                    : UserReferences.displayText(record.path(displayKey))))
                    .toList();
        } catch (InvalidQueryException notAValue) {
            // q cannot be a value of a display field that is no text (letters for a number): nothing matches
            return List.of();
        }
    }

    private static FieldStorage storage(FieldModel field) {
        return field.type() == FieldType.FORMULA ? field.resultType().storage() : field.type().storage();
    }
}
