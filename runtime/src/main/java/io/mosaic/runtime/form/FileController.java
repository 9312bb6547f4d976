package io.mosaic.runtime.form;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mosaic.api.security.FormAction;
import io.mosaic.form.api.FieldType;
import io.mosaic.form.file.FileStore;
import io.mosaic.form.file.RefusedUploadException;
import io.mosaic.form.file.StoredFile;
import io.mosaic.form.file.UploadCheck;
import io.mosaic.form.model.FieldModel;
import io.mosaic.form.record.ErrorCode;
import io.mosaic.form.record.RecordError;
import io.mosaic.runtime.web.ApiError;
import io.mosaic.runtime.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Files of a form's attachment and image fields: uploaded for one field before a record refers to them, and
 * downloaded by whoever may read a record holding them. A file nobody may see answers 404 like one that does not
 * exist.
 */
@Tag(name = "Files", description = "Upload files for a form's attachment and image fields, and download them")
@RestController
@RequestMapping("/api/apps/{app}/forms/{form}/files")
@PreAuthorize("isAuthenticated()")
public class FileController {

    /** Raster images a browser shows without running anything; anything else is always a download. */
    private static final Set<String> INLINE_TYPES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");

    private final FormRecords records;
    private final UploadedFiles files;
    private final FileStore store;

    FileController(FormRecords records, UploadedFiles files, FileStore store) {
        this.records = records;
        this.files = files;
        this.store = store;
    }

    @Operation(summary = "Upload a file (multipart part 'file') for an attachment or image field (field=receipt or "
            + "lines.receipt) the user may write: 201 {id, name, size, contentType}; 413 file_too_large, 415 file_type")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<StoredFile> upload(@PathVariable String app, @PathVariable String form, @RequestParam String field,
                                      @RequestParam(required = false) String locale,
                                      @RequestPart("file") MultipartFile file, Authentication user) throws IOException {
        FormRecords.Access access = records.access(app, form, user, FormAction.READ);
        Locale language = Locale.forLanguageTag(FormController.language(locale, user));
        if (!access.permission().allows(FormAction.CREATE) && !access.permission().allows(FormAction.UPDATE)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "auth.forbidden",
                    "You may not create or change records of form '" + form + "'");
        }
        FieldModel target = access.field(field)
                .filter(f -> f.type() == FieldType.ATTACHMENT || f.type() == FieldType.IMAGE)
                .orElseThrow(() -> new ApiException(HttpStatus.BAD_REQUEST, "request.invalid",
                        "The form has no attachment or image field '" + field + "'",
                        List.of(new ApiError.Problem("field", "An attachment or image field: key or subtable.column"))));
        String pointer = "/" + field.replace('.', '/');
        if (!access.writable(field)) {
            RecordError error = RecordError.of(pointer, ErrorCode.READ_ONLY, target.label(), null, language);
            throw new ApiException(HttpStatus.FORBIDDEN, "auth.forbidden", error.message(),
                    List.of(new ApiError.Problem(pointer, error.message(), error.code(), null)));
        }
        UploadCheck.Accepted accepted = checked(target, file, pointer, language);
        MessageDigest sha256 = sha256();
        String id;
        try (InputStream in = new DigestInputStream(file.getInputStream(), sha256)) {
            id = store.put(in, accepted.name(), accepted.contentType(), file.getSize());
        }
        UploadedFiles.Upload upload = new UploadedFiles.Upload(id, app, form, field, accepted.name(),
                accepted.contentType(), file.getSize(), HexFormat.of().formatHex(sha256.digest()), access.actor().userId(),
                LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS), null);
        try {
            files.insert(upload);
        } catch (RuntimeException e) {
            store.delete(id);
            throw e;
        }
        return ResponseEntity.created(URI.create("/api/apps/" + app + "/forms/" + form + "/files/" + id)).body(upload.file());
    }

    @Operation(summary = "Download a file of a record the user may read (or their own upload no record holds yet), as "
            + "an attachment; inline=true shows a raster image in the browser. 404 for every other file")
    @GetMapping("/{id}")
    ResponseEntity<Resource> download(@PathVariable String app, @PathVariable String form, @PathVariable String id,
                                      @RequestParam(defaultValue = "false") boolean inline, Authentication user)
            throws IOException, SQLException {
        FormRecords.Access access = records.access(app, form, user, FormAction.READ);
        UploadedFiles.Upload upload = files.find(app, form, id).orElseThrow(() -> notFound(id));
        if (!mayRead(access, upload)) {
            throw notFound(id);
        }
        InputStream content;
        try {
            content = store.open(id);
        } catch (NoSuchFileException e) {
            throw notFound(id);
        }
        boolean shown = inline && INLINE_TYPES.contains(upload.contentType());
        ContentDisposition disposition = (shown ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(upload.name(), StandardCharsets.UTF_8).build();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(upload.contentType()))
                .contentLength(upload.size())
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                // Opened on its own, a file runs nothing and reaches nothing, whatever it holds.
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .cacheControl(CacheControl.noCache().cachePrivate())
                .body(new InputStreamResource(content));
    }

    private static UploadCheck.Accepted checked(FieldModel target, MultipartFile file, String pointer, Locale language)
            throws IOException {
        byte[] head;
        try (InputStream in = file.getInputStream()) {
            head = in.readNBytes(UploadCheck.HEAD_LENGTH);
        }
        try {
            return UploadCheck.check(target, file.getOriginalFilename(), file.getSize(), head);
        } catch (RefusedUploadException e) {
            RecordError error = e.error(pointer, language);
            HttpStatus status = e.code() == ErrorCode.FILE_TOO_LARGE ? HttpStatus.PAYLOAD_TOO_LARGE
                    : HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            throw new ApiException(status, "file.invalid", error.message(),
                    List.of(new ApiError.Problem(pointer, error.message(), error.code(), null)));
        }
    }

    /**
     * A file no record holds yet is its uploader's alone; one a record holds is readable by whoever may read that
     * record (row scope) with the field it is in (not hidden), while the record still holds it there.
     */
    private static boolean mayRead(FormRecords.Access access, UploadedFiles.Upload upload) throws SQLException {
        if (upload.recordId() == null) {
            return upload.createdBy() == access.actor().userId();
        }
        ObjectNode record;
        try {
            record = access.visible(upload.recordId());
        } catch (ApiException notVisible) {
            return false;
        }
        String[] path = upload.field().split("\\.");
        List<JsonNode> lists = new ArrayList<>();
        if (path.length == 1) {
            lists.add(record.path(path[0]));
        } else {
            record.path(path[0]).forEach(row -> lists.add(row.path(path[1])));
        }
        for (JsonNode list : lists) {
            for (JsonNode file : list) {
                if (upload.id().equals(file.path("id").asText())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    private static ApiException notFound(String id) {
        return ApiException.notFound("File " + id);
    }
}
