package io.mosaic.form.file;

import io.mosaic.form.model.FieldModel;
import io.mosaic.form.model.FormModel;
import io.mosaic.form.record.ErrorCode;
import io.mosaic.form.record.RecordError;
import io.mosaic.form.support.Fixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Uploads judged by the field they are for and by their bytes, never by the name or type the client claims. */
class UploadCheckTest {

    private static final FormModel FORM = FormModel.read("uploads", Fixtures.read("/file/uploads.form.json"));

    @Test
    void acceptsAPngAsThePngItIs() {
        UploadCheck.Accepted accepted = check("photo", "holiday.PNG", bytes("pixel.png"));

        assertThat(accepted.contentType()).isEqualTo("image/png");
        assertThat(accepted.name()).isEqualTo("holiday.PNG");
    }

    @Test
    void refusesHtmlNamedPng() {
        assertRefused("photo", "cat.png", bytes("page.html.png"), ErrorCode.FILE_TYPE);
        assertRefused("receipt", "cat.png", bytes("page.html.png"), ErrorCode.FILE_TYPE);
        assertRefused("anything", "cat.png", bytes("page.html.png"), ErrorCode.FILE_TYPE);
    }

    @Test
    void refusesBytesWithoutThePngSignatureNamedPng() {
        assertRefused("photo", "noise.png", bytes("noise.png"), ErrorCode.FILE_TYPE);
    }

    @Test
    void refusesAPngNamedPdf() {
        assertRefused("receipt", "scan.pdf", bytes("pixel.png"), ErrorCode.FILE_TYPE);
    }

    @Test
    void refusesAnExtensionTheFieldDoesNotAccept() {
        assertRefused("receipt", "prices.txt", bytes("prices.csv"), ErrorCode.FILE_TYPE);
        assertRefused("photo", "scan.pdf", bytes("report.pdf"), ErrorCode.FILE_TYPE);
    }

    @Test
    void refusesAnythingButAnImageForAnImageFieldWhateverItAccepts() {
        assertRefused("scan", "scan.pdf", bytes("report.pdf"), ErrorCode.FILE_TYPE);
        assertThat(check("scan", "scan.png", bytes("pixel.png")).contentType()).isEqualTo("image/png");
    }

    @Test
    void takesTheSpecialKindTheNameNamesWhenTheBytesAllowIt() {
        assertThat(check("receipt", "prices.csv", bytes("prices.csv")).contentType()).isEqualTo("text/csv");
        assertThat(check("receipt", "report.pdf", bytes("report.pdf")).contentType()).isEqualTo("application/pdf");
    }

    @Test
    void takesAnyContentUnderANameWithoutAKnownExtensionWhenTheFieldAcceptsAnything() {
        assertThat(check("anything", "README", bytes("prices.csv")).contentType()).isEqualTo("text/plain");
        assertRefused("anything", "page.txt", bytes("page.html.png"), ErrorCode.FILE_TYPE);
    }

    @Test
    void refusesAFileLargerThanTheFieldTakes() {
        RefusedUploadException refused = refusal("receipt", "big.pdf", 1_048_577, bytes("report.pdf"));

        assertThat(refused.code()).isEqualTo(ErrorCode.FILE_TOO_LARGE);
        RecordError error = refused.error("/receipt", Locale.ENGLISH);
        assertThat(error.pointer()).isEqualTo("/receipt");
        assertThat(error.code()).isEqualTo("file_too_large");
        assertThat(error.message()).isEqualTo("Receipt files must be at most 1 MB");
        assertThat(refused.error("/receipt", Locale.SIMPLIFIED_CHINESE).message()).isEqualTo("票据的文件不能大于 1 MB");
    }

    @Test
    void allowsTwentyMegabytesWhenTheFieldSaysNothing() {
        assertThat(UploadCheck.check(field("photo"), "a.png", 20L * 1_048_576, bytes("pixel.png")).contentType())
                .isEqualTo("image/png");
        assertThat(refusal("photo", "a.png", 20L * 1_048_576 + 1, bytes("pixel.png")).code())
                .isEqualTo(ErrorCode.FILE_TOO_LARGE);
    }

    @Test
    void namesTheAcceptedExtensionsWhenRefusingAType() {
        RefusedUploadException refused = refusal("receipt", "run.exe", 3, new byte[] {'M', 'Z', 0});

        assertThat(refused.error("/lines/receipt", Locale.ENGLISH).message())
                .isEqualTo("Receipt accepts only .pdf .png .csv files");
    }

    @Test
    void sanitisesTheNameItAccepts() {
        assertThat(check("photo", "../../../var/www/index\u202E.png", bytes("pixel.png")).name()).isEqualTo("index.png");
    }

    @Test
    void refusesFieldsThatTakeNoFiles() {
        assertThatThrownBy(() -> check("title", "a.png", bytes("pixel.png"))).isInstanceOf(IllegalArgumentException.class);
    }

    private static UploadCheck.Accepted check(String field, String name, byte[] content) {
        return UploadCheck.check(field(field), name, content.length, head(content));
    }

    private static void assertRefused(String field, String name, byte[] content, ErrorCode code) {
        assertThat(refusal(field, name, content.length, content).code()).isEqualTo(code);
    }

    private static RefusedUploadException refusal(String field, String name, long size, byte[] content) {
        try {
            UploadCheck.check(field(field), name, size, head(content));
        } catch (RefusedUploadException e) {
            return e;
        }
        throw new AssertionError(name + " was accepted for " + field);
    }

    private static byte[] head(byte[] content) {
        return Arrays.copyOf(content, Math.min(content.length, UploadCheck.HEAD_LENGTH));
    }

    private static FieldModel field(String key) {
        return FORM.field(key).orElseThrow();
    }

    private static byte[] bytes(String fixture) {
        try (InputStream in = UploadCheckTest.class.getResourceAsStream("/file/" + fixture)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
