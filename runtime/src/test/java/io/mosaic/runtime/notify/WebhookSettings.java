package io.mosaic.runtime.notify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The shared context's webhook settings made changeable for one test (endpoints and allowed hosts, starting from the
 * given hosts), and put back as they were by {@link #close()}, so that tests do not see each other's receivers.
 */
public final class WebhookSettings implements AutoCloseable {

    private final NotifyProperties properties;
    private final Map<String, NotifyProperties.Endpoint> webhooks;
    private final List<String> allowedHosts;

    private WebhookSettings(NotifyProperties properties) {
        this.properties = properties;
        this.webhooks = properties.getWebhooks();
        this.allowedHosts = properties.getWebhook().getAllowedHosts();
    }

    public static WebhookSettings changeable(NotifyProperties properties, String... allowedHosts) {
        WebhookSettings saved = new WebhookSettings(properties);
        properties.setWebhooks(new HashMap<>(saved.webhooks));
        properties.getWebhook().setAllowedHosts(new ArrayList<>(List.of(allowedHosts)));
        return saved;
    }

    @Override
    public void close() {
        properties.setWebhooks(webhooks);
        properties.getWebhook().setAllowedHosts(allowedHosts);
    }
}
