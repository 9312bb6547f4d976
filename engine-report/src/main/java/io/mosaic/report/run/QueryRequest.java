package io.mosaic.report.run;

import io.mosaic.form.store.RowFilter;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * One run of a dataset for one viewer.
 *
 * @param dimensions keys of the dimensions to group by, in order; empty for one total row
 * @param measures   keys of the measures to show (the aggregated ones calculated measures need are added)
 * @param filters    conditions on top of the dataset's own
 * @param rows       the viewer's row scope on the source form, applied inside the statement
 * @param hidden     field paths the viewer may not see: source fields ({@code cost}) and lookup targets' fields
 *                   ({@code dealer.credit_limit}), {@code dealer.*} for every field of a target the viewer may
 *                   not read; a dimension, measure or filter over one is refused
 * @param today      the date relative filters count from
 * @param rowCap     the most groups returned; a larger result is cut and marked truncated
 */
public record QueryRequest(List<String> dimensions, List<String> measures, List<QueryFilter> filters, RowFilter rows,
                           Set<String> hidden, LocalDate today, int rowCap) {

    public QueryRequest {
        dimensions = List.copyOf(dimensions);
        measures = List.copyOf(measures);
        filters = List.copyOf(filters);
        hidden = Set.copyOf(hidden);
        if (rowCap < 1) {
            throw new IllegalArgumentException("The row cap must be positive");
        }
    }

    public QueryRequest withFilters(List<QueryFilter> more) {
        return new QueryRequest(dimensions, measures, more, rows, hidden, today, rowCap);
    }
}
