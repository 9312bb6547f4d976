package io.mosaic.report.run;

/**
 * A dataset field path resolved against the source forms: {@code total}, {@code lines.amount} (the sub-table's
 * column) or {@code dealer.name} (the lookup target's field).
 *
 * @param sql       the qualified, quoted column
 * @param lookup    the lookup the path goes through, or null
 * @param topLevel  whether the path is a field or system column of the source form itself (the records list can
 *                  filter by it)
 */
record FieldRef(String path, String sql, ValueType type, String lookup, boolean topLevel) {

    /** The first segment: what a viewer's hidden field keys name. */
    String head() {
        int dot = path.indexOf('.');
        return dot < 0 ? path : path.substring(0, dot);
    }
}
