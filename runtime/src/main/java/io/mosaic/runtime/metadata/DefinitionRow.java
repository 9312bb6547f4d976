package io.mosaic.runtime.metadata;

import java.time.Instant;

/**
 * The stored state of one definition as a write sees it: the row and its newest published version.
 *
 * @param publishedContent content of version {@code publishedVersion}, null before the first publish
 */
record DefinitionRow(long id, long appId, String draft, Integer publishedVersion, String publishedContent,
                     Instant publishedAt, String publishedBy) {

    boolean published() {
        return publishedVersion != null;
    }
}
