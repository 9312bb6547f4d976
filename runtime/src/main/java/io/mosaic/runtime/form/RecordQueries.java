package io.mosaic.runtime.form;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpStatus;

import io.mosaic.form.store.InvalidQueryException;
import io.mosaic.form.store.ListQuery;
import io.mosaic.form.store.Page;
import io.mosaic.runtime.web.ApiError;
import io.mosaic.runtime.web.ApiException;

/**
 * The list query of the records API ({@code filter=field:op:value}, {@code sort=-field}) read from request
 * parameters and run in the user's row scope without hidden fields, with the same 400s, for every path that
 * lists records (exports here; the records list can share it).
 */
public final class RecordQueries {

    private RecordQueries() {
    }

    /** @throws ApiException 400 {@code request.invalid} for a filter that is not {@code field:op:value} */
    static ListQuery query(FormRecords.Access access, List<String> filter, String sort, int pageSize) throws SQLException {
        List<ListQuery.Filter> filters = new ArrayList<>();
        for (String text : filter == null ? List.<String>of() : filter) {
            filters.add(filter(text));
        }
        boolean descending = sort == null || sort.startsWith("-");
        String sortField = sort == null ? null : sort.replaceFirst("^[-+]", "");
        return list(() -> new ListQuery(filters, sortField, descending, pageSize, null, access.rows(), access.hidden()));
    }

    /** One page; 400 {@code request.invalid} naming the parameter when a filter, the sort or the cursor does not fit. */
    static Page page(FormRecords.Access access, ListQuery query) throws SQLException {
        return list(() -> access.store().list(query));
    }

    private interface Listing<T> {
        T run() throws SQLException;
    }

    private static <T> T list(Listing<T> work) throws SQLException {
        try {
            return work.run();
        } catch (InvalidQueryException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "request.invalid", e.getMessage(),
                    List.of(new ApiError.Problem(e.parameter(), e.getMessage())));
        }
    }

    /** {@code field:op:value}; the value is everything after the second colon and may hold colons itself. */
    public static ListQuery.Filter filter(String text) {
        String[] parts = text.split(":", 3);
        if (parts.length < 3) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "request.invalid", "A filter is field:op:value",
                    List.of(new ApiError.Problem("filter", "Not field:op:value: '" + text + "'")));
        }
        try {
            return new ListQuery.Filter(parts[0], ListQuery.Op.valueOf(parts[1].toUpperCase(Locale.ROOT)), parts[2]);
        } catch (IllegalArgumentException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "request.invalid", "Unknown filter operator '" + parts[1] + "'",
                    List.of(new ApiError.Problem("filter", "Use one of eq, ne, lt, le, gt, ge, contains")));
        }
    }
}
