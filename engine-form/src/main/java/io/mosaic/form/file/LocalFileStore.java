package io.mosaic.form.file;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Files in a local directory, each under a random 128-bit id ({@code root/ab/abXyz…}: the first two characters
 * name a subdirectory so that no directory grows too large). Names and ids a client sends never become paths:
 * an id that is not exactly one this store makes is no file. A file is written beside its final place and moved
 * there once complete, so a reader never sees half a file.
 */
public final class LocalFileStore implements FileStore {

    /** 16 random bytes in URL-safe Base64 without padding. */
    private static final Pattern ID = Pattern.compile("^[A-Za-z0-9_-]{22}$");
    private static final int ID_BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path root;

    /** @param root the directory files go to; created when missing */
    public LocalFileStore(Path root) throws IOException {
        this.root = Files.createDirectories(root).toRealPath();
    }

    @Override
    public String put(InputStream content, String name, String contentType, long size) throws IOException {
        String id = newId();
        Path target = path(id);
        Files.createDirectories(target.getParent());
        Path partial = Files.createTempFile(target.getParent(), ".upload-", ".part");
        try {
            long written;
            try (OutputStream out = Files.newOutputStream(partial)) {
                written = copyAtMost(content, out, size);
            }
            if (written != size) {
                throw new IOException("The content is not the " + size + " bytes announced");
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            return id;
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    @Override
    public InputStream open(String id) throws IOException {
        return Files.newInputStream(path(id));
    }

    @Override
    public void delete(String id) throws IOException {
        if (id != null && ID.matcher(id).matches()) {
            Files.deleteIfExists(path(id));
        }
    }

    private Path path(String id) throws NoSuchFileException {
        if (id == null || !ID.matcher(id).matches()) {
            throw new NoSuchFileException(String.valueOf(id));
        }
        return root.resolve(id.substring(0, 2)).resolve(id);
    }

    /** Copies up to one byte more than {@code limit}, so a longer stream is noticed without being read to its end. */
    private static long copyAtMost(InputStream in, OutputStream out, long limit) throws IOException {
        byte[] buffer = new byte[8192];
        long total = 0;
        int n;
        while (total <= limit && (n = in.read(buffer, 0, (int) Math.min(buffer.length, limit + 1 - total))) > 0) {
            out.write(buffer, 0, n);
            total += n;
        }
        return total;
    }

    private static String newId() {
        byte[] bytes = new byte[ID_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
