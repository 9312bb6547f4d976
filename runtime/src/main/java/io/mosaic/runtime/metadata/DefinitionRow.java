package io.mosaic.runtime.metadata;

/** The stored state of one definition, as the service works with it. */
record DefinitionRow(long id, long appId, String kind, String defKey, String draft, Integer publishedVersion) {

    boolean published() {
        return publishedVersion != null;
    }
}
