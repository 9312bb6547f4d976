package io.mosaic.form.file;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalFileStoreTest {

    @TempDir
    Path root;

    @Test
    void keepsTheBytesUnderANewRandomIdAndGivesThemBack() throws IOException {
        LocalFileStore store = new LocalFileStore(root.resolve("files"));
        byte[] content = "发票 2026-11".getBytes(StandardCharsets.UTF_8);

        String id = store.put(new ByteArrayInputStream(content), "../../etc/passwd", "text/plain", content.length);

        assertThat(id).matches("[A-Za-z0-9_-]{22}");
        try (InputStream in = store.open(id)) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        assertThat(files()).singleElement().satisfies(path -> {
            assertThat(path.getFileName().toString()).isEqualTo(id);
            assertThat(path.startsWith(root.resolve("files"))).isTrue();
        });
    }

    @Test
    void neverHandsOutTheSameIdTwice() throws IOException {
        LocalFileStore store = new LocalFileStore(root);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            ids.add(store.put(new ByteArrayInputStream(new byte[] {1}), "same.txt", "text/plain", 1));
        }
        assertThat(ids).hasSize(200);
    }

    @Test
    void keepsNothingWhenTheContentIsShorterOrLongerThanAnnounced() throws IOException {
        LocalFileStore store = new LocalFileStore(root);

        assertThatThrownBy(() -> store.put(new ByteArrayInputStream(new byte[10]), "a.bin", "application/octet-stream", 11))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> store.put(new ByteArrayInputStream(new byte[10]), "a.bin", "application/octet-stream", 9))
                .isInstanceOf(IOException.class);

        assertThat(files()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"../secret.txt", "..%2Fsecret.txt", "/etc/passwd", "ab/../../secret.txt", "",
            "AAAAAAAAAAAAAAAAAAAAA/", "AAAAAAAAAAAAAAAAAAAAAAA", "C:\\secret.txt"})
    void treatsAnythingButItsOwnIdsAsNoFile(String id) throws IOException {
        Path secret = Files.writeString(root.resolve("secret.txt"), "keep out");
        LocalFileStore store = new LocalFileStore(root.resolve("files"));

        assertThatThrownBy(() -> store.open(id)).isInstanceOf(NoSuchFileException.class);
        store.delete(id);

        assertThat(secret).hasContent("keep out");
    }

    @Test
    void deletesAFileAndForgetsItsId() throws IOException {
        LocalFileStore store = new LocalFileStore(root);
        String id = store.put(new ByteArrayInputStream(new byte[] {1, 2}), "a.bin", "application/octet-stream", 2);

        store.delete(id);
        store.delete(id);

        assertThatThrownBy(() -> store.open(id)).isInstanceOf(NoSuchFileException.class);
        assertThat(files()).isEmpty();
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }
}
