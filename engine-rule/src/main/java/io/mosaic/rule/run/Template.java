package io.mosaic.rule.run;

import io.mosaic.api.definition.LocalizedText;
import io.mosaic.form.formula.FormulaContext;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Message templates: {@code {total}} or {@code {dealer.name}} is replaced by that field's value as text. Only a
 * field path can be named, and its value is inserted as text, never read again as a template or code; braces
 * around anything else stay as typed.
 */
final class Template {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z][a-z0-9_]{0,47}(?:\\.[a-z][a-z0-9_]{0,47})?)}");

    private Template() {
    }

    static LocalizedText fill(LocalizedText text, FormulaContext context) {
        return text == null ? null : new LocalizedText(fill(text.zhCN(), context), fill(text.en(), context));
    }

    static String fill(String text, FormulaContext context) {
        if (text == null || text.indexOf('{') < 0) {
            return text;
        }
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String path = matcher.group(1);
            String value = context.has(path) ? RuleValues.text(RuleValues.normalize(context.value(path)))
                    : matcher.group();
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }
}
