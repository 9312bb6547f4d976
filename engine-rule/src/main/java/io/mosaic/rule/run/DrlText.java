package io.mosaic.rule.run;

import java.util.ArrayList;
import java.util.List;

/** Generated DRL with, for each rule, the lines it spans and the definition pointer it came from. */
final class DrlText {

    private record Span(int firstLine, int lastLine, String pointer) {
    }

    private final StringBuilder text = new StringBuilder();
    private final List<Span> spans = new ArrayList<>();
    private int lines;
    private int spanStart;
    private String spanPointer;

    void line(String line) {
        text.append(line).append('\n');
        lines++;
    }

    void begin(String pointer) {
        spanStart = lines + 1;
        spanPointer = pointer;
    }

    void end() {
        spans.add(new Span(spanStart, lines, spanPointer));
    }

    String text() {
        return text.toString();
    }

    /** The pointer of the rule that generated a (1-based) line, or "" for the header or an unknown line. */
    String pointerAt(int line) {
        for (Span span : spans) {
            if (line >= span.firstLine && line <= span.lastLine) {
                return span.pointer;
            }
        }
        return "";
    }
}
