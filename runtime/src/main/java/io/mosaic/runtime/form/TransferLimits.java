package io.mosaic.runtime.form;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Bounds of record imports and exports ({@code mosaic.transfer.*}).
 *
 * @param maxImportBytes      size of one uploaded file
 * @param maxImportRows       data rows of one import
 * @param maxExportRows       records one export writes; the rest of a longer list is left out
 * @param importThreads       imports that run at once
 * @param importQueue         imports that may wait for a thread; more are refused with 429
 * @param keepFinishedJobs    how long a finished import's progress and error report stay readable
 * @param jobsPerUser         finished imports kept per user; starting another forgets the oldest
 * @param maxListedErrors     errors an import's report lists; further ones are only counted
 * @param timeZone            where date-times written without an offset happened, and the zone exports show them in;
 *                            empty for the server's own
 */
@ConfigurationProperties("mosaic.transfer")
public record TransferLimits(long maxImportBytes, int maxImportRows, int maxExportRows, int importThreads,
                             int importQueue, Duration keepFinishedJobs, int jobsPerUser, int maxListedErrors,
                             String timeZone) {

    public TransferLimits {
        maxImportBytes = maxImportBytes > 0 ? maxImportBytes : 10L * 1024 * 1024;
        maxImportRows = maxImportRows > 0 ? maxImportRows : 50_000;
        maxExportRows = maxExportRows > 0 ? maxExportRows : 100_000;
        importThreads = importThreads > 0 ? importThreads : 2;
        importQueue = importQueue > 0 ? importQueue : 8;
        keepFinishedJobs = keepFinishedJobs != null ? keepFinishedJobs : Duration.ofHours(1);
        jobsPerUser = jobsPerUser > 0 ? jobsPerUser : 20;
        maxListedErrors = maxListedErrors > 0 ? maxListedErrors : 10_000;
    }

    public ZoneId zone() {
        return timeZone == null || timeZone.isBlank() ? ZoneId.systemDefault() : ZoneId.of(timeZone);
    }
}
