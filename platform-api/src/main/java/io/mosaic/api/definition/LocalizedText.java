package io.mosaic.api.definition;

/** A text shown to people, in the two languages the platform ships. */
public record LocalizedText(String zhCN, String en) {

    public String in(String locale) {
        return locale != null && locale.toLowerCase().startsWith("zh") ? zhCN : en;
    }
}
