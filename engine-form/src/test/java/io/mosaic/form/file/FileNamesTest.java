package io.mosaic.form.file;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class FileNamesTest {

    static Stream<Arguments> names() {
        return Stream.of(
                arguments("../../etc/passwd", "passwd"),
                arguments("..\\..\\windows\\win.ini", "win.ini"),
                arguments("C:\\Users\\me\\发票 2026.pdf", "发票 2026.pdf"),
                arguments("..", "file"),
                arguments("...png", "png"),
                arguments(" .hidden.png . ", "hidden.png"),
                arguments("a<b>c:d*e?f\"g|h.pdf", "a_b_c_d_e_f_g_h.pdf"),
                arguments("report\u0000.pdf", "report.pdf"),
                arguments("invoice\u202Egpj.exe", "invoicegpj.exe"),
                arguments("two\t\n  spaces.txt", "two spaces.txt"),
                arguments("", "file"));
    }

    @ParameterizedTest
    @MethodSource("names")
    void keepsOnlyAShowableLastSegment(String sent, String kept) {
        assertThat(FileNames.sanitize(sent)).isEqualTo(kept);
    }

    @Test
    void namesANamelessFileFile() {
        assertThat(FileNames.sanitize(null)).isEqualTo("file");
    }

    @Test
    void composesDecomposedCharacters() {
        assertThat(FileNames.sanitize("Cafe\u0301.txt")).isEqualTo("Caf\u00e9.txt");
    }

    @Test
    void shortensALongNameKeepingItsExtension() {
        String kept = FileNames.sanitize("报".repeat(300) + ".xlsx");

        assertThat(kept.codePointCount(0, kept.length())).isEqualTo(FileNames.MAX_LENGTH);
        assertThat(kept).endsWith("报.xlsx");
    }

    @Test
    void readsTheExtensionInLowerCase() {
        assertThat(FileNames.extension("Photo.JPEG")).isEqualTo(".jpeg");
        assertThat(FileNames.extension("archive.tar.gz")).isEqualTo(".gz");
        assertThat(FileNames.extension("README")).isEmpty();
        assertThat(FileNames.extension("trailing.")).isEmpty();
    }
}
