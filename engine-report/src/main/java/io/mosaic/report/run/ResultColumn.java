package io.mosaic.report.run;

import io.mosaic.api.definition.LocalizedText;

/**
 * One column of a dataset result.
 *
 * @param role {@code dimension} or {@code measure}
 * @param type {@code text}, {@code number} or {@code date} (date buckets are text such as {@code 2026-03},
 *             {@code 2026-Q1})
 */
public record ResultColumn(String key, LocalizedText label, String role, String type) {
}
