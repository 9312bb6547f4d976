package io.mosaic.runtime.metadata;

import java.time.Instant;

/**
 * An immutable published version of a definition.
 *
 * @param content  the content, verbatim; null in listings
 * @param checksum SHA-256 (hex) of the content's UTF-8 bytes
 */
public record DefinitionVersion(String appKey, String kind, String key, int version, String content, String checksum,
                                Instant publishedAt, String publishedBy, String comment) {
}
