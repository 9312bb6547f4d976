package io.mosaic.runtime.form;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.mosaic.form.transfer.RowError;

/**
 * One import of a sheet into a form, as its user follows it: counts that the worker thread moves on and the
 * request threads read, and the errors of its failed rows. Lives in memory only ({@link ImportJobs}).
 */
final class ImportJob {

    enum State { RUNNING, DONE, FAILED }

    enum Mode {
        /** Every row is checked first; nothing is stored unless all are valid, then all in one transaction. */
        ALL_OR_NOTHING,
        /** Each valid row is stored as it comes; the others are reported. */
        VALID_ONLY
    }

    /** What the API answers about a job. */
    record View(String id, String state, int total, int processed, int created, int failed, String mode,
                String message) {
    }

    private final String id = UUID.randomUUID().toString();
    private final long ownerId;
    private final String app;
    private final String form;
    private final Mode mode;
    private final Locale locale;
    private final int total;
    private final int maxListedErrors;
    private final List<RowError> errors = new ArrayList<>();
    private State state = State.RUNNING;
    private int processed;
    private int created;
    private int failed;
    private long unlisted;
    private String message;
    private Instant finishedAt;

    ImportJob(long ownerId, String app, String form, Mode mode, Locale locale, int total, int maxListedErrors) {
        this.ownerId = ownerId;
        this.app = app;
        this.form = form;
        this.mode = mode;
        this.locale = locale;
        this.total = total;
        this.maxListedErrors = maxListedErrors;
    }

    String id() {
        return id;
    }

    long ownerId() {
        return ownerId;
    }

    Mode mode() {
        return mode;
    }

    Locale locale() {
        return locale;
    }

    /** Whether the job belongs to this user and was started on this form. */
    boolean isOf(long userId, String app, String form) {
        return ownerId == userId && this.app.equals(app) && this.form.equals(form);
    }

    /** A row was handled; {@code rowErrors} empty when it is fine (and, in valid-only mode, stored). */
    synchronized void processed(List<RowError> rowErrors, boolean stored) {
        processed++;
        if (stored) {
            created++;
        }
        if (!rowErrors.isEmpty()) {
            failed++;
            list(rowErrors);
        }
    }

    /** All-or-nothing: the batch was stored. */
    synchronized void created(int count) {
        created += count;
    }

    /** All-or-nothing: the batch was refused at one row; no row was stored. */
    synchronized void refusedAtStore(List<RowError> rowErrors) {
        failed++;
        list(rowErrors);
    }

    private void list(List<RowError> rowErrors) {
        for (RowError error : rowErrors) {
            if (errors.size() < maxListedErrors) {
                errors.add(error);
            } else {
                unlisted++;
            }
        }
    }

    synchronized void finish(Instant at) {
        state = State.DONE;
        finishedAt = at;
    }

    synchronized void fail(String reason, Instant at) {
        state = State.FAILED;
        message = reason;
        finishedAt = at;
    }

    /** When it finished, or null while it runs. */
    synchronized Instant finishedAt() {
        return finishedAt;
    }

    synchronized List<RowError> errors() {
        return List.copyOf(errors);
    }

    synchronized long unlisted() {
        return unlisted;
    }

    synchronized View view() {
        return new View(id, lower(state.name()), total, processed, created, failed, lower(mode.name()), message);
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
