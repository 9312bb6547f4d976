package io.mosaic.runtime.pack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

import io.mosaic.api.definition.DefinitionProblem;

/**
 * Reads an uploaded pack zip into memory, refusing anything hostile before a byte of it is used:
 * unsafe names (path traversal, absolute paths, backslashes), duplicate names, too many files, and
 * files whose real (not declared) size or compression ratio marks a zip bomb. Sizes are counted while
 * inflating, so a lying header cannot get past them.
 */
public final class PackReader {

    /** Relative names made of plain segments; nothing a file system could read as a parent or a root. */
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}(/[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}){0,3}");

    private final PackLimits limits;

    public PackReader(PackLimits limits) {
        this.limits = limits;
    }

    /** @throws PackRejectedException listing what is wrong, with the offending entry name as pointer */
    public PackFiles read(InputStream zip) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(zip)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                String name = entry.getName();
                if (entry.isDirectory()) {
                    checkName(name.substring(0, Math.max(0, name.length() - 1)), name);
                    continue;
                }
                checkName(name, name);
                if (files.containsKey(name)) {
                    throw rejected(name, "The pack contains this file twice");
                }
                if (files.size() >= limits.maxEntries()) {
                    throw rejected(name, "The pack has more than " + limits.maxEntries() + " files");
                }
                byte[] content = readEntry(in, entry, limits.maxTotalBytes() - total);
                total += content.length;
                files.put(name, content);
            }
        } catch (ZipException e) {
            throw rejected("", "The file is not a valid zip archive: " + e.getMessage());
        } catch (IOException e) {
            throw rejected("", "The pack could not be read: " + e.getMessage());
        }
        if (files.isEmpty()) {
            throw rejected("", "The file is not a zip archive or holds no files");
        }
        return new PackFiles(files);
    }

    private void checkName(String name, String shown) {
        if (!SAFE_NAME.matcher(name).matches() || name.contains("..")) {
            throw rejected(shown, "Unsafe file name in the pack (only relative names of letters, digits, '_', '-', '.'"
                    + " up to four folders deep are allowed; no '..', no absolute paths, no backslashes)");
        }
    }

    private byte[] readEntry(ZipInputStream in, ZipEntry entry, long totalBudget) throws IOException {
        String name = entry.getName();
        long limit = Math.min(limits.maxEntryBytes(), totalBudget);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long read = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            read += n;
            if (read > limit) {
                throw rejected(name, read > limits.maxEntryBytes()
                        ? "The file is larger than " + limits.maxEntryBytes() + " bytes when unpacked"
                        : "The pack is larger than " + limits.maxTotalBytes() + " bytes when unpacked");
            }
            out.write(buffer, 0, n);
        }
        long compressed = entry.getCompressedSize();
        if (compressed > 0 && read > 1024 * 1024 && read / compressed > limits.maxCompressionRatio()) {
            throw rejected(name, "The file unpacks to " + (read / compressed) + " times its packed size, which is refused"
                    + " as a zip bomb");
        }
        return out.toByteArray();
    }

    static PackRejectedException rejected(String pointer, String message) {
        List<DefinitionProblem> problems = new ArrayList<>();
        problems.add(new DefinitionProblem(pointer, message));
        return new PackRejectedException(message, problems);
    }
}
