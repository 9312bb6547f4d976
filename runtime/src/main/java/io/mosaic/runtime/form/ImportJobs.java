package io.mosaic.runtime.form;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mosaic.form.record.ErrorCode;
import io.mosaic.form.record.RecordError;
import io.mosaic.form.store.InvalidRecordException;
import io.mosaic.form.store.InvalidRecordInBatchException;
import io.mosaic.form.transfer.ImportRow;
import io.mosaic.form.transfer.RecordImport;
import io.mosaic.form.transfer.RowError;
import io.mosaic.form.transfer.SheetFormat;
import io.mosaic.form.transfer.SheetHeader;
import io.mosaic.form.transfer.SheetReader;
import io.mosaic.form.transfer.SheetRow;
import io.mosaic.form.transfer.UnreadableSheetException;
import io.mosaic.runtime.web.ApiError;
import io.mosaic.runtime.web.ApiException;

/**
 * Imports of sheets into forms, run on a small pool of their own threads. The file is checked in the
 * request (format, heading row, fields the user may not write, row count) so that a file that cannot work
 * is refused at once; the rows are then converted, validated and stored in the background while the user
 * polls the job.
 *
 * <p>Jobs are kept in this node's memory only: a restart forgets them (a running import stops, and in
 * all-or-nothing mode has stored nothing), and in a cluster a user must poll the node that took the upload.
 * Finished jobs are forgotten after {@link TransferLimits#keepFinishedJobs()}, and beyond
 * {@link TransferLimits#jobsPerUser()} per user, so memory does not grow with use.
 */
@Component
class ImportJobs {

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

    private final TransferLimits limits;
    private final ThreadPoolExecutor executor;
    private final Map<String, ImportJob> jobs = new ConcurrentHashMap<>();

    ImportJobs(TransferLimits limits) {
        this.limits = limits;
        AtomicInteger threads = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(limits.importThreads(), limits.importThreads(), 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(limits.importQueue()), task -> {
                    Thread thread = new Thread(task, "mosaic-import-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /**
     * Checks the file and starts importing its rows as records of the user in {@code access}.
     *
     * @throws ApiException 400 for a file that is neither CSV nor .xlsx, 413 for too many rows or an .xlsx that
     *                      unpacks to too much, 422 for a damaged file or a heading row that cannot be imported,
     *                      429 while the import threads and their queue are full
     */
    ImportJob start(FormRecords.Access access, byte[] content, ImportJob.Mode mode, Locale locale) {
        forgetExpired();
        RecordImport imports = new RecordImport(access.published().validator().schema().form(), limits.zone());
        SheetFormat format;
        SheetHeader header;
        int total;
        try {
            format = SheetFormat.detect(content);
            try (SheetReader reader = SheetReader.open(content, format)) {
                SheetRow heading = reader.next().orElseThrow(() -> new ApiException(HttpStatus.UNPROCESSABLE_ENTITY,
                        "import.invalid", "The file is empty: it has no heading row"));
                header = imports.header(heading, locale);
                refuseHeader(header, access, locale);
                total = countRows(reader);
            }
        } catch (UnreadableSheetException e) {
            throw refused(e);
        } catch (IOException e) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "import.unreadable", "The file cannot be read");
        }
        ImportJob job = new ImportJob(access.actor().userId(), access.published().app(), access.published().form(), mode,
                locale, total, limits.maxListedErrors());
        remember(job);
        try {
            executor.execute(() -> run(job, access, content, format, imports, header));
        } catch (RejectedExecutionException e) {
            jobs.remove(job.id());
            throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "import.busy",
                    "Too many imports are running; try again in a minute");
        }
        return job;
    }

    /** The job {@code id} if {@code userId} started it on this form; 404 for anyone else's, as for a missing one. */
    ImportJob find(String id, long userId, String app, String form) {
        forgetExpired();
        return Optional.ofNullable(jobs.get(id)).filter(job -> job.isOf(userId, app, form))
                .orElseThrow(() -> ApiException.notFound("Import " + id));
    }

    private void refuseHeader(SheetHeader header, FormRecords.Access access, Locale locale) {
        List<ApiError.Problem> problems = new ArrayList<>();
        header.problems().forEach(p -> problems.add(new ApiError.Problem(p.cell(), p.message(), p.code(), null)));
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        header.columns().forEach(column -> fields.putNull(column.field().key()));
        for (RecordError error : access.unwritable(fields, "", locale)) {
            String key = error.pointer().substring(1);
            if (error.code().equals(ErrorCode.UNKNOWN_FIELD.code())) {
                SheetHeader.Problem hidden = header.unknownColumn(key, locale);
                problems.add(new ApiError.Problem(hidden.cell(), hidden.message(), hidden.code(), null));
            } else {
                problems.add(new ApiError.Problem(header.cell(key).orElse(""), error.message(), error.code(), null));
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparing(ApiError.Problem::pointer, Comparator.comparingInt(String::length)
                    .thenComparing(Comparator.naturalOrder())));
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "import.invalid",
                    "The file's heading row cannot be imported as it is", problems);
        }
    }

    private int countRows(SheetReader reader) {
        int rows = 0;
        while (reader.next().isPresent()) {
            if (++rows > limits.maxImportRows()) {
                throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "request.too_large",
                        "The file has more than " + limits.maxImportRows() + " rows; split it and import the parts");
            }
        }
        return rows;
    }

    private static ApiException refused(UnreadableSheetException e) {
        return switch (e.reason()) {
            case UNSUPPORTED -> new ApiException(HttpStatus.BAD_REQUEST, "import.unsupported", e.getMessage());
            case CORRUPT -> new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "import.unreadable", e.getMessage());
            case TOO_LARGE -> new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "request.too_large", e.getMessage());
        };
    }

    private void run(ImportJob job, FormRecords.Access access, byte[] content, SheetFormat format, RecordImport imports,
                     SheetHeader header) {
        Locale locale = job.locale();
        List<String> batch = new ArrayList<>();
        List<Integer> batchRows = new ArrayList<>();
        try (SheetReader reader = SheetReader.open(content, format)) {
            reader.next(); // the heading row, checked when the job started
            for (Optional<SheetRow> next = reader.next(); next.isPresent(); next = reader.next()) {
                ImportRow row = imports.row(header, next.get(), locale);
                List<RowError> errors = imports.check(header, row, access.published().validator(), locale);
                boolean stored = false;
                if (errors.isEmpty() && job.mode() == ImportJob.Mode.VALID_ONLY) {
                    try {
                        access.store().create(row.record().toString(), access.actor(), locale);
                        stored = true;
                    } catch (InvalidRecordException e) {
                        errors = imports.errors(header, row.number(), e.errors());
                    }
                } else if (errors.isEmpty()) {
                    batch.add(row.record().toString());
                    batchRows.add(row.number());
                }
                job.processed(errors, stored);
            }
            if (job.mode() == ImportJob.Mode.ALL_OR_NOTHING && job.view().failed() == 0 && !batch.isEmpty()) {
                try {
                    access.store().createAll(batch, access.actor(), locale);
                    job.created(batch.size());
                } catch (InvalidRecordInBatchException e) {
                    job.refusedAtStore(imports.errors(header, batchRows.get(e.index()), e.errors()));
                }
            }
            job.finish(Instant.now());
        } catch (SQLException | IOException | RuntimeException e) {
            log.error("Import {} into {}/{} stopped", job.id(), access.published().app(), access.published().form(), e);
            job.fail(job.mode() == ImportJob.Mode.ALL_OR_NOTHING
                    ? "The import stopped because of a server error; nothing was stored"
                    : "The import stopped because of a server error; the rows counted as created were stored", Instant.now());
        }
    }

    private void remember(ImportJob job) {
        List<ImportJob> finished = jobs.values().stream()
                .filter(other -> other.ownerId() == job.ownerId() && other.finishedAt() != null)
                .sorted(Comparator.comparing(ImportJob::finishedAt)).toList();
        for (int i = 0; i <= finished.size() - limits.jobsPerUser(); i++) {
            jobs.remove(finished.get(i).id());
        }
        jobs.put(job.id(), job);
    }

    private void forgetExpired() {
        Instant before = Instant.now().minus(limits.keepFinishedJobs());
        jobs.values().removeIf(job -> job.finishedAt() != null && job.finishedAt().isBefore(before));
    }
}
