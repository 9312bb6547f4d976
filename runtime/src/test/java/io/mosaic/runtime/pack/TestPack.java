package io.mosaic.runtime.pack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.commons.codec.digest.DigestUtils;

/** Builds pack zips for tests: an app with text-field forms, which a test can then spoil in one way. */
public final class TestPack {

    private final String app;
    private final String version;
    private String platform = ">=0.1.0 <1.0.0";
    private final Map<String, String> forms = new LinkedHashMap<>();
    private final Map<String, String> extraFiles = new LinkedHashMap<>();
    private final Map<String, String> checksumOverrides = new LinkedHashMap<>();

    private TestPack(String app, String version) {
        this.app = app;
        this.version = version;
    }

    public static TestPack app(String app, String version) {
        return new TestPack(app, version);
    }

    /** A form whose fields are all of the given type ({@code key:type} pairs, e.g. "title:text"). */
    public TestPack form(String key, String... fields) {
        StringBuilder json = new StringBuilder("{\"key\":\"" + key + "\",\"name\":{\"zh-CN\":\"表单" + key + "\",\"en\":\"Form "
                + key + "\"},\"fields\":[");
        for (int i = 0; i < fields.length; i++) {
            String[] f = fields[i].split(":");
            json.append(i == 0 ? "" : ",").append("{\"key\":\"").append(f[0]).append("\",\"type\":\"").append(f[1])
                    .append("\",\"label\":{\"zh-CN\":\"字段").append(f[0]).append("\",\"en\":\"Field ").append(f[0]).append("\"}}");
        }
        forms.put(key, json.append("]}").toString());
        return this;
    }

    TestPack rawForm(String key, String json) {
        forms.put(key, json);
        return this;
    }

    TestPack platform(String range) {
        this.platform = range;
        return this;
    }

    /** A file the manifest lists with its real checksum but app.json does not mention. */
    TestPack extraFile(String name, String content) {
        extraFiles.put(name, content);
        return this;
    }

    public TestPack lieAboutChecksum(String name) {
        checksumOverrides.put(name, DigestUtils.sha256Hex("something else"));
        return this;
    }

    String appJson() {
        StringBuilder defs = new StringBuilder();
        StringBuilder grants = new StringBuilder();
        StringBuilder menus = new StringBuilder();
        for (String form : forms.keySet()) {
            String sep = defs.isEmpty() ? "" : ",";
            defs.append(sep).append("{\"kind\":\"form\",\"key\":\"").append(form).append("\"}");
            grants.append(sep).append("{\"form\":\"").append(form).append("\",\"actions\":[\"create\",\"read\"],\"rowScope\":\"own\"}");
            menus.append(sep).append("{\"key\":\"m_").append(form).append("\",\"name\":{\"zh-CN\":\"菜单\",\"en\":\"Menu\"},")
                    .append("\"target\":{\"kind\":\"form\",\"key\":\"").append(form).append("\"}}");
        }
        return "{\"key\":\"" + app + "\",\"name\":{\"zh-CN\":\"测试应用\",\"en\":\"Test app\"},\"version\":\"" + version
                + "\",\"platform\":\"" + platform + "\",\"roles\":[{\"key\":\"" + app + "_clerk\",\"name\":{\"zh-CN\":\"文员\",\"en\":\"Clerk\"},"
                + "\"grants\":[" + grants + "]}],\"menus\":[" + menus + "],\"definitions\":[" + defs + "]}";
    }

    Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("app.json", appJson());
        forms.forEach((key, json) -> files.put(key + ".form.json", json));
        files.putAll(extraFiles);
        return files;
    }

    public byte[] zip() {
        Map<String, String> files = files();
        StringBuilder manifest = new StringBuilder("{\"key\":\"" + app + "\",\"version\":\"" + version + "\",\"platform\":\""
                + platform + "\",\"files\":{");
        boolean first = true;
        for (Map.Entry<String, String> file : files.entrySet()) {
            String sum = checksumOverrides.getOrDefault(file.getKey(), DigestUtils.sha256Hex(file.getValue().getBytes(StandardCharsets.UTF_8)));
            manifest.append(first ? "" : ",").append('"').append(file.getKey()).append("\":\"").append(sum).append('"');
            first = false;
        }
        Map<String, String> all = new LinkedHashMap<>();
        all.put("manifest.json", manifest.append("}}").toString());
        all.putAll(files);
        return zip(all);
    }

    static byte[] zip(Map<String, String> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    /** One file of zeros: tiny when packed, {@code size} bytes when unpacked — the shape of a zip bomb. */
    static byte[] zipOfZeros(String name, int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            byte[] block = new byte[1024 * 1024];
            for (int written = 0; written < size; written += block.length) {
                zip.write(block);
            }
            zip.closeEntry();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }
}
