package io.mosaic.api.definition;

/** The text format a definition kind is written in. */
public enum DefinitionFormat {
    JSON("application/json"),
    XML("application/xml");

    private final String mediaType;

    DefinitionFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }
}
