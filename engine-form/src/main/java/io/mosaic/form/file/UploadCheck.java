package io.mosaic.form.file;

import io.mosaic.form.api.FieldType;
import io.mosaic.form.model.FieldModel;
import io.mosaic.form.record.ErrorCode;
import io.mosaic.form.record.types.Files;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeType;
import org.apache.tika.mime.MimeTypeException;
import org.apache.tika.mime.MimeTypes;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * Whether an upload may become a file of an attachment or image field: its size within {@code maxSizeMb}, its
 * name's extension among those the field {@code accept}s, and its content what that extension stands for, judged
 * by Apache Tika from the first bytes rather than from the name or the content type the client claims.
 *
 * <p>The content must agree with the extension: Tika's type for the bytes, refined by the name only where the name
 * is a special case of it ({@code .csv} of plain text, {@code .docx} of an Office zip), must list the extension as
 * its own. A {@code .png} holding HTML is HTML and refused. Bytes in which Tika recognises nothing pass only for
 * an extension whose type has no signature to recognise. A name without an extension Tika knows agrees with any
 * content (a field that accepts anything takes it as what its bytes are). An image field takes only content Tika
 * sees as an image.
 */
public final class UploadCheck {

    private static final MimeTypes TYPES = MimeTypes.getDefaultMimeTypes();

    /** How many bytes of the content's start {@link #check} needs (all of the content when it is shorter). */
    public static final int HEAD_LENGTH = TYPES.getMinLength();

    private UploadCheck() {
    }

    /** A file that may be stored: its sanitised name and the content type detected from its bytes. */
    public record Accepted(String name, String contentType) {
    }

    /**
     * @param field        an attachment or image field (or sub-table column)
     * @param originalName the name the client gave the file
     * @param size         its length in bytes
     * @param head         its first {@link #HEAD_LENGTH} bytes
     * @throws RefusedUploadException {@code file_too_large} or {@code file_type}
     */
    public static Accepted check(FieldModel field, String originalName, long size, byte[] head) {
        if (field.type() != FieldType.ATTACHMENT && field.type() != FieldType.IMAGE) {
            throw new IllegalArgumentException("Field '" + field.key() + "' takes no files");
        }
        long maxBytes = Files.maxBytes(field);
        if (size > maxBytes) {
            throw new RefusedUploadException(field, ErrorCode.FILE_TOO_LARGE, maxBytes / Files.BYTES_PER_MB);
        }
        String name = FileNames.sanitize(originalName);
        String extension = FileNames.extension(name);
        List<String> accepted = Files.accepted(field);
        Object limit = accepted.isEmpty() ? extension : String.join(" ", accepted);
        if (!accepted.isEmpty() && !accepted.contains(extension)) {
            throw new RefusedUploadException(field, ErrorCode.FILE_TYPE, limit);
        }
        MediaType content = detect(head, null);
        MimeType named = TYPES.getMimeType("file" + extension);
        boolean unknownExtension = extension.isEmpty() || named.getType().equals(MediaType.OCTET_STREAM);
        MediaType type = unknownExtension ? content : detect(head, name);
        boolean agrees = unknownExtension || extensionsOf(type).contains(extension)
                && !(content.equals(MediaType.OCTET_STREAM) && named.hasMagic());
        if (!agrees || field.type() == FieldType.IMAGE && !"image".equals(type.getType())) {
            throw new RefusedUploadException(field, ErrorCode.FILE_TYPE, limit);
        }
        return new Accepted(name, type.getBaseType().toString());
    }

    /** By the bytes alone, or by the bytes refined by the name. */
    private static MediaType detect(byte[] head, String name) {
        Metadata metadata = new Metadata();
        if (name != null) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
        }
        try {
            return TYPES.detect(new ByteArrayInputStream(head), metadata);
        } catch (IOException e) {
            throw new UncheckedIOException("Reading bytes held in memory", e);
        }
    }

    private static List<String> extensionsOf(MediaType type) {
        try {
            return TYPES.forName(type.getBaseType().toString()).getExtensions().stream()
                    .map(e -> e.toLowerCase(Locale.ROOT)).toList();
        } catch (MimeTypeException e) {
            return List.of();
        }
    }
}
