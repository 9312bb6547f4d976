package io.mosaic.samples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The template packs shipped with the platform, read from the class path: each pack is a folder
 * {@code packs/<pack>/} of definition files plus {@code pack.index}, the list of those files (a
 * class path folder cannot be listed reliably inside a jar).
 */
public final class SamplePacks {

    /** The dealer-management pack. */
    public static final String DEALER_MANAGEMENT = "dms";

    private static final Pattern PACK_NAME = Pattern.compile("[a-z][a-z0-9_]{0,47}");

    private SamplePacks() {
    }

    /**
     * File names of a pack, in the order of its index.
     *
     * @throws IllegalArgumentException when no such pack is shipped
     */
    public static List<String> files(String pack) {
        return read(pack, "pack.index").lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
    }

    /**
     * Content of one file of a pack.
     *
     * @throws IllegalArgumentException when the pack does not list the file
     */
    public static String content(String pack, String file) {
        if (!files(pack).contains(file)) {
            throw new IllegalArgumentException("The pack '" + pack + "' has no file '" + file + "'");
        }
        return read(pack, file);
    }

    private static String read(String pack, String file) {
        if (pack == null || !PACK_NAME.matcher(pack).matches()) {
            throw new IllegalArgumentException("'" + pack + "' is not a pack name");
        }
        String path = "packs/" + pack + "/" + file;
        try (InputStream in = SamplePacks.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("No pack '" + pack + "' on the class path (missing " + path + ")");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + path, e);
        }
    }
}
