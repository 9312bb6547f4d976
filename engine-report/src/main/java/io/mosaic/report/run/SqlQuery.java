package io.mosaic.report.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** One parameterised statement: identifiers from metadata only, every value a bound parameter. */
public record SqlQuery(String sql, List<Object> params) {

    public SqlQuery {
        params = Collections.unmodifiableList(new ArrayList<>(params));
    }
}
