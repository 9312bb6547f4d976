package io.mosaic.runtime.metadata;

import java.time.Instant;

/**
 * A definition in a listing.
 *
 * @param hasDraft         whether unpublished changes exist
 * @param publishedVersion newest published version number, null when never published
 */
public record DefinitionSummary(String appKey, String kind, String key, boolean hasDraft, Integer publishedVersion,
                                Instant updatedAt, String updatedBy) {
}
