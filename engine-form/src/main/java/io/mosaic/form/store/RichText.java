package io.mosaic.form.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mosaic.form.api.FieldType;
import io.mosaic.form.model.FieldModel;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Rich text as it is stored: HTML reduced by the OWASP Java HTML Sanitizer to formatting that cannot run. Kept:
 * inline formatting (bold, italic, underline, strike, sub/superscript, code), paragraphs, headings, lists,
 * block quotes, {@code pre}, {@code hr}, tables, links and images. Links and image sources may be http, https,
 * mailto or relative (an uploaded file); links get {@code rel="nofollow"}. Everything else goes: scripts, style
 * elements and attributes, event handlers, frames, forms, SVG and MathML, {@code javascript:} and {@code data:}
 * URLs (a data image would hide a file in a text field, outside the upload checks). Text is kept, escaped.
 */
public final class RichText {

    private static final Pattern SIZE = Pattern.compile("[0-9]{1,4}");

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowCommonInlineFormattingElements()
            .allowCommonBlockElements()
            .allowElements("a", "img", "pre", "hr", "table", "caption", "colgroup", "col", "thead", "tbody", "tfoot",
                    "tr", "th", "td")
            .allowAttributes("href").onElements("a")
            .allowAttributes("src", "alt").onElements("img")
            .allowAttributes("width", "height").matching(SIZE).onElements("img")
            .allowAttributes("colspan", "rowspan").matching(SIZE).onElements("th", "td")
            .allowAttributes("title").globally()
            .allowUrlProtocols("http", "https", "mailto")
            .requireRelNofollowOnLinks()
            .toFactory();

    private RichText() {
    }

    /** {@code html} with only what the policy above keeps. */
    public static String sanitize(String html) {
        return POLICY.sanitize(html);
    }

    /** Sanitises the rich text fields of {@code record} and the rich text columns of its sub-table rows, in place. */
    static void sanitize(List<FieldModel> fields, ObjectNode record) {
        for (FieldModel field : fields) {
            JsonNode value = record.get(field.key());
            if (field.type() == FieldType.RICHTEXT && value != null && value.isTextual()) {
                record.put(field.key(), sanitize(value.asText()));
            } else if (field.type() == FieldType.SUBTABLE && value != null) {
                value.forEach(row -> {
                    if (row instanceof ObjectNode rowObject) {
                        sanitize(field.columns(), rowObject);
                    }
                });
            }
        }
    }
}
