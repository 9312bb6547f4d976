package io.mosaic.runtime.pack;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Bounds on what a template pack may contain. A pack is metadata, so the defaults are generous for
 * definitions and tight for anything shaped like a zip bomb.
 *
 * @param maxEntries           files in one pack
 * @param maxEntryBytes        uncompressed size of one file
 * @param maxTotalBytes        uncompressed size of all files together
 * @param maxCompressionRatio  uncompressed / compressed size of one file, beyond which it is taken for a bomb
 */
@ConfigurationProperties("mosaic.packs")
public record PackLimits(int maxEntries, long maxEntryBytes, long maxTotalBytes, int maxCompressionRatio) {

    public PackLimits {
        maxEntries = maxEntries > 0 ? maxEntries : 1000;
        maxEntryBytes = maxEntryBytes > 0 ? maxEntryBytes : 8L * 1024 * 1024;
        maxTotalBytes = maxTotalBytes > 0 ? maxTotalBytes : 64L * 1024 * 1024;
        maxCompressionRatio = maxCompressionRatio > 0 ? maxCompressionRatio : 200;
    }

    public static PackLimits defaults() {
        return new PackLimits(0, 0, 0, 0);
    }
}
