package io.mosaic.runtime.pack;

/** Names inside a pack that are not definitions of their own. */
final class PackManifest {

    /** Pack metadata: key, version, platform range and a SHA-256 per file. */
    static final String MANIFEST = "manifest.json";

    /** The app manifest (a definition of kind {@code app}). */
    static final String APP = "app.json";

    private PackManifest() {
    }
}
