package io.mosaic.runtime.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

import io.mosaic.runtime.web.ApiError;

class PackReaderTest {

    private final PackReader reader = new PackReader(PackLimits.defaults());

    @Test
    void readsEveryFileOfAWellFormedPack() {
        PackFiles files = reader.read(new ByteArrayInputStream(TestPack.zip(Map.of("app.json", "{}", "order.form.json", "{\"key\":\"order\"}"))));

        assertThat(files.names()).containsExactlyInAnyOrder("app.json", "order.form.json");
        assertThat(files.text("order.form.json")).isEqualTo("{\"key\":\"order\"}");
    }

    @Test
    void rejectsPathTraversal() {
        assertRejected(TestPack.zip(Map.of("../../etc/cron.d/evil.form.json", "{}")), "../../etc/cron.d/evil.form.json", "Unsafe file name");
        assertRejected(TestPack.zip(Map.of("forms/../../evil.json", "{}")), "forms/../../evil.json", "Unsafe file name");
    }

    @Test
    void rejectsAbsoluteAndBackslashNames() {
        assertRejected(TestPack.zip(Map.of("/etc/passwd", "x")), "/etc/passwd", "Unsafe file name");
        assertRejected(TestPack.zip(Map.of("..\\evil.json", "x")), "..\\evil.json", "Unsafe file name");
        assertRejected(TestPack.zip(Map.of("C:/evil.json", "x")), "C:/evil.json", "Unsafe file name");
    }

    @Test
    void rejectsAZipBombByItsRealUnpackedSize() {
        byte[] bomb = TestPack.zipOfZeros("app.json", 64 * 1024 * 1024);
        assertThat(bomb.length).isLessThan(200 * 1024);

        assertRejected(bomb, "app.json", "larger than");
    }

    @Test
    void rejectsAnEntryWhoseCompressionRatioMarksABomb() {
        PackReader tolerant = new PackReader(new PackLimits(10, 100L * 1024 * 1024, 200L * 1024 * 1024, 100));

        assertThatThrownBy(() -> tolerant.read(new ByteArrayInputStream(TestPack.zipOfZeros("big.form.json", 20 * 1024 * 1024))))
                .isInstanceOfSatisfying(PackRejectedException.class,
                        e -> assertThat(e.problems()).extracting(ApiError.Problem::message).anyMatch(m -> m.contains("zip bomb")));
    }

    @Test
    void rejectsPacksWhoseTotalSizeExceedsTheLimit() {
        PackReader small = new PackReader(new PackLimits(100, 1024, 2048, 0));
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 0; i < 3; i++) {
            files.put("f" + i + ".form.json", "x".repeat(1000));
        }

        assertThatThrownBy(() -> small.read(new ByteArrayInputStream(TestPack.zip(files))))
                .isInstanceOfSatisfying(PackRejectedException.class,
                        e -> assertThat(e.getMessage()).contains("larger than 2048 bytes when unpacked"));
    }

    @Test
    void rejectsTooManyFiles() {
        PackReader small = new PackReader(new PackLimits(2, 0, 0, 0));
        assertThatThrownBy(() -> small.read(new ByteArrayInputStream(TestPack.zip(Map.of("a.json", "1", "b.json", "2", "c.json", "3")))))
                .isInstanceOf(PackRejectedException.class)
                .hasMessageContaining("more than 2 files");
    }

    @Test
    void rejectsTheSameNameTwice() {
        // ZipOutputStream refuses duplicates, so write two names of equal length and rename one in place.
        byte[] zip = TestPack.zip(new LinkedHashMap<>(Map.of("aaaa.json", "1", "bbbb.json", "2")));
        byte[] patched = replaceAll(zip, "bbbb.json", "aaaa.json");

        assertRejected(patched, "aaaa.json", "twice");
    }

    @Test
    void rejectsAnEntryWhoseHeaderLiesAboutItsSize() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            ZipEntry entry = new ZipEntry("app.json");
            entry.setMethod(ZipEntry.STORED);
            byte[] content = "{\"key\":\"x\"}".getBytes(StandardCharsets.UTF_8);
            entry.setSize(content.length);
            entry.setCompressedSize(content.length);
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(content);
            entry.setCrc(crc.getValue());
            zip.putNextEntry(entry);
            zip.write(content);
            zip.closeEntry();
        }
        byte[] lying = out.toByteArray();
        lying[14] ^= 0x01; // the local header's CRC-32 no longer matches the data

        assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(lying)))
                .isInstanceOf(PackRejectedException.class)
                .hasMessageContaining("not a valid zip");
    }

    @Test
    void rejectsSomethingThatIsNoZipAtAll() {
        assertThatThrownBy(() -> reader.read(new ByteArrayInputStream("just text".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(PackRejectedException.class)
                .hasMessageContaining("holds no files");
    }

    private void assertRejected(byte[] zip, String pointer, String messagePart) {
        assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(zip)))
                .isInstanceOfSatisfying(PackRejectedException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(422);
                    assertThat(e.problems()).singleElement().satisfies(p -> {
                        assertThat(p.pointer()).isEqualTo(pointer);
                        assertThat(p.message()).contains(messagePart);
                    });
                });
    }

    private static byte[] replaceAll(byte[] data, String from, String to) {
        byte[] f = from.getBytes(StandardCharsets.US_ASCII);
        byte[] t = to.getBytes(StandardCharsets.US_ASCII);
        byte[] copy = data.clone();
        outer:
        for (int i = 0; i <= copy.length - f.length; i++) {
            for (int j = 0; j < f.length; j++) {
                if (copy[i + j] != f[j]) {
                    continue outer;
                }
            }
            System.arraycopy(t, 0, copy, i, t.length);
        }
        return copy;
    }
}
