package io.mosaic.runtime.notify;

/** A notification's link is a UI route ({@code #/tasks/42}); outside the browser it needs the site's address. */
final class Links {

    private Links() {
    }

    /** The link under {@code mosaic.notify.base-url}, or the route alone when no base is configured. */
    static String absolute(String baseUrl, String link) {
        if (link == null || link.isBlank()) {
            return null;
        }
        if (baseUrl == null || baseUrl.isBlank()) {
            return link;
        }
        String base = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
        return base + (link.startsWith("/") ? link.substring(1) : link);
    }
}
