package io.mosaic.runtime.metadata;

/**
 * Fired inside the publishing transaction when a new version of a definition is published, so that
 * engines can act on it (sync a form's table, deploy a process, compile rules). A listener that
 * throws rolls the publish back.
 *
 * @param previous the content of the version before, or null for the first version
 */
public record DefinitionPublished(String appKey, String kind, String key, int version, String content,
                                  String previous) {
}
