package io.mosaic.form.store;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Rich text keeps its formatting and loses everything that could run, however it is dressed up. */
class RichTextTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "<script>alert(1)</script>",
            "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
            "<scr<script>ipt>alert(1)</scr</script>ipt>",
            "<img src=x onerror=alert(1)>",
            "<img src=\"x\" ONERROR=\"alert(1)\">",
            "<a href=\"javascript:alert(1)\">click</a>",
            "<a href=\"JaVaScRiPt:alert(1)\">click</a>",
            "<a href=\"jav&#x09;ascript:alert(1)\">click</a>",
            "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">click</a>",
            "<a href=\" javascript:alert(1)\">click</a>",
            "<svg onload=alert(1)><circle r=1 /></svg>",
            "<svg><script>alert(1)</script></svg>",
            "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
            "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
            "<iframe src=\"https://evil.example\"></iframe>",
            "<object data=\"javascript:alert(1)\"></object><embed src=\"x.swf\">",
            "<form action=\"https://evil.example\"><input name=p><button>go</button></form>",
            "<div style=\"background:url(javascript:alert(1))\">x</div>",
            "<p style=\"expression(alert(1))\">x</p>",
            "<style>body{background:url(javascript:alert(1))}</style>",
            "<img src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\">",
            "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
            "<body onload=alert(1)>",
            "<details open ontoggle=alert(1)>",
            "<base href=\"javascript:alert(1)//\">",
            "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
            "<a href=\"vbscript:msgbox(1)\">x</a>",
            "<p>a<!-- <script>alert(1)</script> -->b</p>",
            "<![CDATA[<script>alert(1)</script>]]>",
            "<div onmouseover=\"alert(1)\" onclick='alert(1)'>x</div>"})
    void leavesNothingThatRuns(String hostile) {
        String stored = RichText.sanitize(hostile).toLowerCase(Locale.ROOT);

        assertThat(stored).doesNotContain("<script", "<svg", "<math", "<iframe", "<object", "<embed", "<form", "<input",
                "<style", "<base", "<meta", "<body", "<details", "javascript:", "vbscript:", "data:", "style=",
                "expression(", "<!--");
        assertThat(stored).doesNotContainPattern("\\son[a-z]+\\s*=");
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
            "<p><b>Bold</b>, <i>italic</i>, <u>under</u>, <s>gone</s>, H<sub>2</sub>O</p> => <p><b>Bold</b>, <i>italic</i>, <u>under</u>, <s>gone</s>, H<sub>2</sub>O</p>",
            "<h2>Terms</h2><ul><li>one</li></ul><ol><li>two</li></ol> => <h2>Terms</h2><ul><li>one</li></ul><ol><li>two</li></ol>",
            "<blockquote>said</blockquote><pre>code</pre><hr /> => <blockquote>said</blockquote><pre>code</pre><hr />",
            "<table><tr><th colspan=\"2\">h</th></tr><tr><td>a</td><td>b</td></tr></table> => <table><tbody><tr><th colspan=\"2\">h</th></tr><tr><td>a</td><td>b</td></tr></tbody></table>",
            "<a href=\"https://example.com/p?q=1\">site</a> => <a href=\"https://example.com/p?q&#61;1\" rel=\"nofollow\">site</a>",
            "<a href=\"mailto:sales@example.com\">mail</a> => <a href=\"mailto:sales&#64;example.com\" rel=\"nofollow\">mail</a>",
            "<img src=\"https://example.com/a.png\" alt=\"logo\" width=\"40\"> => <img src=\"https://example.com/a.png\" alt=\"logo\" width=\"40\" />",
            "<p>1 < 2 & \"quoted\"</p> => <p>1 &lt; 2 &amp; &#34;quoted&#34;</p>",
            "<p>订单说明</p> => <p>订单说明</p>"})
    void keepsCommonFormattingLinksTablesAndImages(String sent, String kept) {
        assertThat(RichText.sanitize(sent)).isEqualTo(kept);
    }

    @ParameterizedTest
    @ValueSource(strings = {"<p><b>x</b> &amp; <a href=\"https://e.com\">y</a></p>", "<img src=x onerror=alert(1)>z"})
    void givesTheSameTextWhenSanitisedAgain(String sent) {
        String once = RichText.sanitize(sent);

        assertThat(RichText.sanitize(once)).isEqualTo(once);
    }
}
