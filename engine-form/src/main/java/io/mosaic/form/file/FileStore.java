package io.mosaic.form.file;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;

/**
 * Where the bytes of uploaded files live. The platform keeps what it knows about a file (form, field, name, who
 * uploaded it, the record it is on) itself; a store keeps bytes under an id it makes up, so that no name a user
 * chose ever becomes a path or a key. {@link LocalFileStore} is the default; another store (an object store, say)
 * replaces it by implementing this. Implementations must be safe for concurrent use.
 */
public interface FileStore {

    /**
     * Keeps the {@code size} bytes of {@code content}.
     *
     * @param name        the file's sanitised display name, for stores that keep it as metadata; never part of the id
     * @param contentType the content type detected from the bytes, likewise
     * @return the new file's id: 1 to 64 characters of {@code A-Z a-z 0-9 _ -}, as a record's file reference holds it
     * @throws IOException when the bytes cannot be kept or {@code content} is not {@code size} bytes long; nothing is
     *                     kept then
     */
    String put(InputStream content, String name, String contentType, long size) throws IOException;

    /**
     * The bytes of file {@code id}; the caller closes the stream.
     *
     * @throws NoSuchFileException when there is no such file, also for a text that is no id of this store
     */
    InputStream open(String id) throws IOException;

    /** Removes file {@code id}; nothing happens when there is none. */
    void delete(String id) throws IOException;
}
