package io.mosaic.runtime.form;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mosaic.api.security.FormAction;
import io.mosaic.form.model.FieldModel;
import io.mosaic.form.store.ListQuery;
import io.mosaic.form.store.Page;
import io.mosaic.form.transfer.ExportValues;
import io.mosaic.form.transfer.RecordImport;
import io.mosaic.form.transfer.SheetFormat;
import io.mosaic.form.transfer.SheetWriter;
import io.mosaic.runtime.security.CurrentUser;
import io.mosaic.runtime.web.ApiError;
import io.mosaic.runtime.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Records of a published form in and out of spreadsheets: imports of CSV or .xlsx files as background jobs,
 * and exports of a filtered list. Both go through {@link FormRecords}, so the user's action, row scope and
 * field access apply as on every other records path.
 */
@Tag(name = "Record import and export", description = "Import records from CSV/XLSX; export a filtered list")
@RestController
@RequestMapping("/api/apps/{app}/forms/{form}")
@PreAuthorize("isAuthenticated()")
public class RecordTransferController {

    /** Records read per query while exporting; the largest page the store serves. */
    private static final int EXPORT_PAGE = ListQuery.MAX_PAGE_SIZE;

    private final FormRecords records;
    private final ImportJobs imports;
    private final TransferLimits limits;

    RecordTransferController(FormRecords records, ImportJobs imports, TransferLimits limits) {
        this.records = records;
        this.imports = imports;
        this.limits = limits;
    }

    @Operation(summary = "Import the rows of a CSV or .xlsx file (multipart 'file') as new records: 202 with the job "
            + "to poll. mode=all_or_nothing (default) stores nothing unless every row is valid; valid_only stores the "
            + "valid rows. 400 import.unsupported, 413 request.too_large, 422 import.invalid (heading row) or "
            + "import.unreadable, 429 import.busy")
    @PostMapping(path = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ImportJob.View> startImport(@PathVariable String app, @PathVariable String form,
                                               @RequestPart("file") MultipartFile file,
                                               @RequestParam(required = false) String mode,
                                               @RequestParam(required = false) String locale,
                                               Authentication user) throws IOException {
        FormRecords.Access access = records.access(app, form, user, FormAction.CREATE);
        Locale language = Locale.forLanguageTag(FormController.language(locale, user));
        ImportJob.Mode chosen = mode(mode);
        if (file.getSize() > limits.maxImportBytes()) {
            throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "request.too_large",
                    "The file is larger than " + limits.maxImportBytes() / (1024 * 1024) + " MB");
        }
        ImportJob job = imports.start(access, file.getBytes(), chosen, language);
        return ResponseEntity.accepted().location(URI.create(jobPath(app, form, job.id()))).body(job.view());
    }

    @Operation(summary = "Progress of an import the user started: {id, state: running|done|failed, total, processed, "
            + "created, failed, mode}; 404 for anyone else's")
    @GetMapping(path = "/imports/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    ImportJob.View importJob(@PathVariable String app, @PathVariable String form, @PathVariable String id,
                             Authentication user) {
        return imports.find(id, CurrentUser.of(user).userId(), app, form).view();
    }

    @Operation(summary = "The error report of an import as CSV: one line per problem with the row number, column, "
            + "field, code and message, in the language the import was started in")
    @GetMapping(path = "/imports/{id}/errors", produces = "text/csv")
    void importErrors(@PathVariable String app, @PathVariable String form, @PathVariable String id,
                      Authentication user, HttpServletResponse response) throws IOException {
        ImportJob job = imports.find(id, CurrentUser.of(user).userId(), app, form);
        attachment(response, SheetFormat.CSV, form + "-import-errors");
        try (OutputStream out = response.getOutputStream()) {
            RecordImport.writeReport(job.errors(), job.unlisted(), job.locale(), out);
        }
    }

    @Operation(summary = "The records the user may read that match the list filters (filter=field:op:value, "
            + "sort=-field, as the records list), as format=csv|xlsx, headed by the field labels in the user's "
            + "language; columns=a,b,c picks fields (default: all the user may see but sub-tables). At most "
            + "mosaic.transfer.max-export-rows (100,000) records. 403 without the export permission")
    @GetMapping(path = "/export")
    void export(@PathVariable String app, @PathVariable String form,
                @RequestParam(defaultValue = "csv") String format,
                @RequestParam(required = false) List<String> filter, @RequestParam(required = false) String sort,
                @RequestParam(required = false) String columns, @RequestParam(required = false) String locale,
                Authentication user, HttpServletResponse response) throws IOException, SQLException {
        FormRecords.Access access = records.access(app, form, user, FormAction.EXPORT);
        Locale language = Locale.forLanguageTag(FormController.language(locale, user));
        SheetFormat sheet = format(format);
        List<FieldModel> fields = columns(access, columns);
        ListQuery query = RecordQueries.query(access, filter, sort, EXPORT_PAGE);
        // The first page before a byte is written, so that a bad filter or sort still answers 400.
        Page page = RecordQueries.page(access, query);
        ExportValues values = new ExportValues(language, limits.zone());
        attachment(response, sheet, form + "-" + LocalDate.now(limits.zone()));
        try (OutputStream out = response.getOutputStream();
             SheetWriter writer = SheetWriter.open(sheet, out,
                     access.published().validator().schema().form().name().in(language.toLanguageTag()))) {
            writer.row(fields.stream().map(values::heading).toList());
            int written = 0;
            while (true) {
                for (ObjectNode record : page.records()) {
                    if (written == limits.maxExportRows()) {
                        break;
                    }
                    List<Object> row = new ArrayList<>(fields.size());
                    fields.forEach(field -> row.add(values.value(field, record.get(field.key()))));
                    writer.row(row);
                    written++;
                }
                if (!page.hasMore() || written == limits.maxExportRows()) {
                    break;
                }
                page = RecordQueries.page(access, query.after(page.nextCursor()));
            }
            writer.finish();
        }
    }

    /** The fields asked for, in that order, or all the user may see; a hidden one is refused as an unknown one. */
    private static List<FieldModel> columns(FormRecords.Access access, String columns) {
        Set<String> hidden = access.hidden();
        List<FieldModel> exportable = ExportValues.exportable(access.published().validator().schema().form()).stream()
                .filter(field -> !hidden.contains(field.key())).toList();
        if (columns == null || columns.isBlank()) {
            return exportable;
        }
        Set<FieldModel> chosen = new LinkedHashSet<>();
        for (String key : columns.split(",")) {
            String wanted = key.strip();
            chosen.add(exportable.stream().filter(field -> field.key().equals(wanted)).findFirst()
                    .orElseThrow(() -> new ApiException(HttpStatus.BAD_REQUEST, "request.invalid",
                            "The form has no field '" + wanted + "' to export",
                            List.of(new ApiError.Problem("columns", "Not an exportable field: '" + wanted + "'")))));
        }
        return List.copyOf(chosen);
    }

    private static SheetFormat format(String format) {
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "csv" -> SheetFormat.CSV;
            case "xlsx" -> SheetFormat.XLSX;
            default -> throw new ApiException(HttpStatus.BAD_REQUEST, "request.invalid", "Unknown format '" + format + "'",
                    List.of(new ApiError.Problem("format", "Use csv or xlsx")));
        };
    }

    private static ImportJob.Mode mode(String mode) {
        if (mode == null) {
            return ImportJob.Mode.ALL_OR_NOTHING;
        }
        return switch (mode) {
            case "all_or_nothing" -> ImportJob.Mode.ALL_OR_NOTHING;
            case "valid_only" -> ImportJob.Mode.VALID_ONLY;
            default -> throw new ApiException(HttpStatus.BAD_REQUEST, "request.invalid", "Unknown mode '" + mode + "'",
                    List.of(new ApiError.Problem("mode", "Use all_or_nothing or valid_only")));
        };
    }

    private static void attachment(HttpServletResponse response, SheetFormat format, String name) {
        response.setContentType(format.contentType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(name + "." + format.extension()).build().toString());
    }

    private static String jobPath(String app, String form, String id) {
        return "/api/apps/" + app + "/forms/" + form + "/imports/" + id;
    }
}
