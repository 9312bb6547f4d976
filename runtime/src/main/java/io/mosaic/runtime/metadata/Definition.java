package io.mosaic.runtime.metadata;

import java.time.Instant;

/**
 * A definition with its current content: the draft when there is one, else the newest published version.
 *
 * @param content          the current content, verbatim
 * @param hasDraft         whether {@code content} is an unpublished draft
 * @param publishedVersion newest published version number, null when never published
 */
public record Definition(String appKey, String kind, String key, String content, boolean hasDraft,
                         Integer publishedVersion, Instant updatedAt, String updatedBy) {
}
