package io.mosaic.runtime.form;

import java.net.URI;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Set;


import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mosaic.api.security.FormAction;
import io.mosaic.form.store.FieldChange;
import io.mosaic.form.store.ListQuery;
import io.mosaic.form.store.Page;
import io.mosaic.form.store.RowFilter;
import io.mosaic.form.store.SystemColumns;
import io.mosaic.runtime.flow.FlowService;
import io.mosaic.runtime.web.ApiError;
import io.mosaic.runtime.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The records of a published form, each request checked against the user's permission on the form: the action,
 * the row scope (a record outside it is not found) and field access (hidden fields are never shown nor queried,
 * read-only ones never written).
 */
@Tag(name = "Records", description = "Create, read, change, delete, restore and list the records of a published form")
@RestController
@RequestMapping("/api/apps/{app}/forms/{form}/records")
@PreAuthorize("isAuthenticated()")
public class RecordController {

    private static final int DEFAULT_PAGE_SIZE = 50;

    private final FormRecords records;
    private final ObjectMapper json;
    private final FlowService flows;

    RecordController(FormRecords records, ObjectMapper json, FlowService flows) {
        this.records = records;
        this.flows = flows;
        this.json = json;
    }

    /** Lists say how many records match only up to this many; counting millions per page view is what makes lists slow. */
    static final int COUNT_CAP = 10_000;

    /**
     * One page; on the first page also {@code total}, the number of matching records counted up to {@link #COUNT_CAP}
     * ({@code totalCapped} when there are more), null on later pages.
     */
    public record Items(List<ObjectNode> items, boolean hasMore, String nextCursor, Long total, boolean totalCapped) {
    }

    @Operation(summary = "Store a new record owned by the user: 201 with the record, 422 record.invalid; with "
            + "submit=true also submit it for approval in the same transaction (409 flow.not_bound: nothing stored)")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ObjectNode> create(@PathVariable String app, @PathVariable String form,
                                      @RequestParam(required = false) String locale,
                                      @RequestParam(defaultValue = "false") boolean submit,
                                      @RequestBody(required = false) String record, Authentication user) throws SQLException {
        FormRecords.Access access = records.access(app, form, user, FormAction.CREATE);
        Locale language = Locale.forLanguageTag(FormController.language(locale, user));
        access.refuseUnwritable(members(record), language);
        long id = submit ? flows.createAndSubmit(app, form, record, user, language)
                : FormRecords.call(0, () -> access.store().create(record, access.actor(), language));
        // Read without the row scope: a user may create records they will not see again (a dealer scope without a dealer code).
        ObjectNode created = access.store().read(id, RowFilter.ALL, access.hidden()).orElseThrow();
        return ResponseEntity.created(URI.create("/api/apps/" + app + "/forms/" + form + "/records/" + id)).body(created);
    }

    @Operation(summary = "One live record in the user's row scope, without hidden fields; else 404")
    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    ObjectNode read(@PathVariable String app, @PathVariable String form, @PathVariable long id, Authentication user)
            throws SQLException {
        FormRecords.Access access = records.access(app, form, user, FormAction.READ);
        return access.visible(id);
    }

    @Operation(summary = "Change the members sent, at the version named by If-Match or the body's version: "
            + "200 with the record, 409 conflict.stale, 422 record.invalid")
    @PatchMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ObjectNode update(@PathVariable String app, @PathVariable String form, @PathVariable long id,
                      @RequestHeader(name = "If-Match", required = false) String ifMatch,
                      @RequestParam(required = false) String locale,
                      @RequestBody(required = false) String patch, Authentication user) throws SQLException {
        FormRecords.Access access = records.access(app, form, user, FormAction.UPDATE);
        Locale language = Locale.forLanguageTag(FormController.language(locale, user));
        ObjectNode members = members(patch);
        String changes = patch;
        Integer version = ifMatch == null ? null : version(ifMatch.replaceAll("^W/|\"", "").trim(), "If-Match");
        if (members != null && members.has(SystemColumns.VERSION)) {
            JsonNode given = members.remove(SystemColumns.VERSION);
            version = version != null ? version : version(given.asText(), "/" + SystemColumns.VERSION);
            changes = members.toString();
        }
        if (version == null) {
            throw new ApiException(HttpStatus.PRECONDITION_REQUIRED, "request.invalid",
                    "Name the version you changed: an If-Match header or a version member",
                    List.of(new ApiError.Problem("If-Match", "The record's version, e.g. \"3\"")));
        }
        refuseInApproval(access.visible(id));
        access.refuseUnwritable(members, language);
        int expected = version;
        String sent = changes;
        FormRecords.call(id, () -> access.store().update(id, expected, sent, access.actor(), language));
        return access.visible(id);
    }

    @Operation(summary = "Move a record to the recycle bin, at the version named: 204, 409 conflict.stale")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String app, @PathVariable String form, @PathVariable long id,
                @RequestParam int version, Authentication user) throws SQLException {
        FormRecords.Access access = records.access(app, form, user, FormAction.DELETE);
        refuseInApproval(access.visible(id));
        FormRecords.call(id, () -> {
            access.store().delete(id, version, access.actor());
            return null;
        });
    }

    @Operation(summary = "Take a deleted record in the user's row scope out of the recycle bin: 200 with the record")
    @PostMapping(path = "/{id}/restore", produces = MediaType.APPLICATION_JSON_VALUE)
    ObjectNode restore(@PathVariable String app, @PathVariable String form, @PathVariable long id, Authentication user)
            throws SQLException {
        FormRecords.Access access = records.access(app, form, user, FormAction.DELETE);
        access.requireInScope(id);
        FormRecords.call(id, () -> {
            access.store().restore(id, access.actor());
            return null;
        });
        return access.visible(id);
    }

    @Operation(summary = "The changes updates made to a record (live or deleted) in the user's row scope, oldest first; "
            + "changes of hidden fields left out")
    @GetMapping(path = "/{id}/history", produces = MediaType.APPLICATION_JSON_VALUE)
    List<FieldChange> history(@PathVariable String app, @PathVariable String form, @PathVariable long id,
                              Authentication user) throws SQLException {
        FormRecords.Access access = records.access(app, form, user, FormAction.READ);
        access.requireInScope(id);
        Set<String> hidden = access.hidden();
        return access.store().history(id).stream().filter(change -> !hidden.contains(change.field())).toList();
    }

    @Operation(summary = "One page of live records in the user's row scope: filter=field:op:value (repeatable; op "
            + "eq ne lt le gt ge contains), sort=field or -field (default -id), size 1..200 (default 50), "
            + "after=the previous page's nextCursor; the first page also gives total, counted up to 10,000 "
            + "(totalCapped when there are more)")
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    Items list(@PathVariable String app, @PathVariable String form,
               @RequestParam(required = false) List<String> filter, @RequestParam(required = false) String sort,
               @RequestParam(required = false) Integer size, @RequestParam(required = false) String after,
               Authentication user) throws SQLException {
        FormRecords.Access access = records.access(app, form, user, FormAction.READ);
        ListQuery query = RecordQueries.query(access, filter, sort, size == null ? DEFAULT_PAGE_SIZE : size);
        Page page = RecordQueries.page(access, after == null ? query : query.after(after));
        if (after != null) {
            return new Items(page.records(), page.hasMore(), page.nextCursor(), null, false);
        }
        long counted = page.hasMore() ? access.store().count(query, COUNT_CAP) : page.records().size();
        return new Items(page.records(), page.hasMore(), page.nextCursor(), Math.min(counted, COUNT_CAP),
                counted > COUNT_CAP);
    }

    /** A record in approval changes only through its current task, whose field access applies. */
    private static void refuseInApproval(ObjectNode record) {
        String status = record.path(SystemColumns.WORKFLOW_STATUS).asText("");
        if (FlowService.IN_APPROVAL.equals(status) || FlowService.APPROVED.equals(status)) {
            throw ApiException.conflict("flow.in_approval", "The record is " + status.replace('_', ' ')
                    + "; it changes only through its approval task");
        }
    }

    // ---- request parsing

    private static int version(String text, String pointer) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "request.invalid", "The version is not a number",
                    List.of(new ApiError.Problem(pointer, "A record version, e.g. 3")));
        }
    }

    /**
     * The body's members when it is a JSON object; otherwise null, and the store refuses the text itself with the
     * record error it deserves.
     */
    private ObjectNode members(String body) {
        if (body == null) {
            return null;
        }
        try {
            return json.readTree(body) instanceof ObjectNode object ? object : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
