package io.mosaic.runtime.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

import io.mosaic.form.store.RowFilter;
import io.mosaic.report.run.CompiledDataset;
import io.mosaic.report.run.DatasetQueryException;
import io.mosaic.report.run.DatasetResult;
import io.mosaic.report.run.QueryFilter;
import io.mosaic.report.run.QueryRequest;
import io.mosaic.report.run.SqlQuery;
import io.mosaic.runtime.form.FormDataVersions;
import io.mosaic.runtime.form.FormRecords;
import io.mosaic.runtime.web.ApiError;
import io.mosaic.runtime.web.ApiException;

/**
 * Runs dataset queries for the signed-in user: under their row scope on the source form and their hidden fields
 * (of the source form and of the lookup targets), with a statement timeout and a row cap, and caches each result
 * under the dataset's version, the query, the user's permission scope, today and the data versions of every form
 * the result counts, so that any write to those forms makes the next query read the database again.
 */
@Service
public class ReportService {

    private final FormRecords records;
    private final FormDataVersions dataVersions;
    private final DataSource dataSource;
    private final Clock clock;
    private final int timeoutSeconds;
    private final int maxRows;
    private final Map<CacheKey, DatasetResult> cache;

    ReportService(FormRecords records, FormDataVersions dataVersions, DataSource dataSource, Clock clock,
                  @Value("${mosaic.reports.timeout-seconds:30}") int timeoutSeconds,
                  @Value("${mosaic.reports.max-rows:5000}") int maxRows,
                  @Value("${mosaic.reports.cache-entries:2000}") int cacheEntries) {
        this.records = records;
        this.dataVersions = dataVersions;
        this.dataSource = dataSource;
        this.clock = clock;
        this.timeoutSeconds = timeoutSeconds;
        this.maxRows = maxRows;
        this.cache = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<CacheKey, DatasetResult> eldest) {
                return size() > cacheEntries;
            }
        });
    }

    /** What a query asks for besides the dataset: the dimension and measure keys to show and extra filters. */
    public record Selection(List<String> dimensions, List<String> measures, List<QueryFilter> filters) {
    }

    /** A result, and the statement behind it (shown to analysts in a preview). */
    public record Run(DatasetResult result, SqlQuery sql) {
    }

    private record CacheKey(String app, String dataset, Selection selection, RowFilter rows, Set<String> hidden,
                            LocalDate today, List<Long> dataVersions) {
    }

    /**
     * Runs {@code selection} of {@code dataset} for {@code user}.
     *
     * @throws ApiException 403 when the user may not read the source form or asks for a field hidden from them,
     *                      422 for an unknown dimension or measure or a filter that does not fit its field, 503 when
     *                      the statement runs out of time
     */
    public Run run(String app, PublishedReports.Compiled dataset, Selection selection, Authentication user) {
        CompiledDataset compiled = dataset.dataset();
        FormRecords.Access access = records.readable(app, compiled.form(), user).orElseThrow(() ->
                new ApiException(HttpStatus.FORBIDDEN, "auth.forbidden", "You may not read the records of form '"
                        + compiled.form() + "', which the dataset '" + compiled.key() + "' counts"));
        QueryRequest request = new QueryRequest(selection.dimensions(), selection.measures(), selection.filters(),
                access.rows(), hidden(app, compiled, access, user), LocalDate.now(clock), maxRows);
        CompiledDataset.Prepared prepared;
        try {
            prepared = compiled.prepare(request);
        } catch (DatasetQueryException e) {
            throw refused(e);
        }
        List<Long> versions = compiled.forms().stream().map(form -> dataVersions.version(app, form)).toList();
        CacheKey key = new CacheKey(app, dataset.version(), selection, request.rows(), request.hidden(),
                request.today(), versions);
        DatasetResult cached = cache.get(key);
        if (cached != null) {
            return new Run(cached, prepared.sql());
        }
        DatasetResult result = prepared.result(execute(prepared.sql()));
        cache.put(key, result);
        return new Run(result, prepared.sql());
    }

    /** 403 for a hidden field, else 422, each with the pointer into the request or dataset. */
    static ApiException refused(DatasetQueryException e) {
        return new ApiException(e.hiddenField() ? HttpStatus.FORBIDDEN : HttpStatus.UNPROCESSABLE_ENTITY,
                e.hiddenField() ? "report.field_hidden" : "request.invalid", e.getMessage(),
                List.of(new ApiError.Problem(e.pointer(), e.getMessage())));
    }

    /**
     * The user's hidden fields as dataset paths: the source form's keys, and {@code lookup.field} for each hidden
     * field of a lookup's target form; a target the user may not read at all hides all of it ({@code lookup.*}).
     */
    private Set<String> hidden(String app, CompiledDataset dataset, FormRecords.Access source, Authentication user) {
        Set<String> hidden = new LinkedHashSet<>(source.hidden());
        dataset.lookupForms().forEach((lookup, form) -> {
            Optional<FormRecords.Access> target = records.readable(app, form, user);
            if (target.isEmpty()) {
                hidden.add(lookup + ".*");
            } else {
                target.get().hidden().forEach(field -> hidden.add(lookup + "." + field));
            }
        });
        return hidden;
    }

    /** The rows of a statement the engine made (the lookups of a drill-down), with the same timeout. */
    public List<Object[]> lookupIds(SqlQuery query) {
        return execute(query);
    }

    private List<Object[]> execute(SqlQuery query) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(query.sql())) {
            statement.setQueryTimeout(timeoutSeconds);
            for (int i = 0; i < query.params().size(); i++) {
                statement.setObject(i + 1, query.params().get(i));
            }
            List<Object[]> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Object[] row = new Object[columns];
                    for (int c = 0; c < columns; c++) {
                        row[c] = rs.getObject(c + 1);
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLTimeoutException e) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "report.timeout", "The report took longer than "
                    + timeoutSeconds + " seconds; narrow its filters");
        } catch (SQLException e) {
            throw new IllegalStateException("A report statement failed: " + query.sql(), e);
        }
    }

    public int maxRows() {
        return maxRows;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }
}
