package io.mosaic.form.transfer;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The text of an uploaded CSV file. Excel saves "CSV UTF-8" with a byte order mark and plain "CSV" in the
 * system's code page, which on a Chinese Windows is GBK: a file with a BOM is read as the BOM says, one that
 * is valid UTF-8 as UTF-8, and anything else as GB18030, the superset of GBK that decodes every byte sequence
 * GBK does.
 */
final class SheetText {

    static final Charset GB18030 = Charset.forName("GB18030");

    private SheetText() {
    }

    static boolean hasUtf16Bom(byte[] content) {
        return startsWith(content, 0xFF, 0xFE) || startsWith(content, 0xFE, 0xFF);
    }

    static String decode(byte[] content) {
        if (startsWith(content, 0xEF, 0xBB, 0xBF)) {
            return new String(content, 3, content.length - 3, StandardCharsets.UTF_8);
        }
        if (startsWith(content, 0xFF, 0xFE)) {
            return new String(content, 2, content.length - 2, StandardCharsets.UTF_16LE);
        }
        if (startsWith(content, 0xFE, 0xFF)) {
            return new String(content, 2, content.length - 2, StandardCharsets.UTF_16BE);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            return new String(content, GB18030);
        }
    }

    static boolean startsWith(byte[] content, int... prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((content[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
