package io.mosaic.runtime.notify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code mosaic.notify.*}: delivery pacing, e-mail and webhooks (see application.yml for what each means). */
@ConfigurationProperties("mosaic.notify")
public class NotifyProperties {

    private final Dispatch dispatch = new Dispatch();
    private final Mail mail = new Mail();
    private final Webhook webhook = new Webhook();
    private Map<String, Endpoint> webhooks = new LinkedHashMap<>();
    private String baseUrl = "";

    public Dispatch getDispatch() {
        return dispatch;
    }

    public Mail getMail() {
        return mail;
    }

    public Webhook getWebhook() {
        return webhook;
    }

    public Map<String, Endpoint> getWebhooks() {
        return webhooks;
    }

    public void setWebhooks(Map<String, Endpoint> webhooks) {
        this.webhooks = webhooks;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public static class Dispatch {
        private Duration poll = Duration.ofSeconds(10);
        private Duration backoff = Duration.ofSeconds(30);
        private Duration maxBackoff = Duration.ofHours(1);
        private int maxAttempts = 8;
        private Duration lease = Duration.ofMinutes(2);
        private int batch = 50;
        private Duration keepSent = Duration.ofDays(30);

        public Duration getPoll() { return poll; }
        public void setPoll(Duration poll) { this.poll = poll; }
        public Duration getBackoff() { return backoff; }
        public void setBackoff(Duration backoff) { this.backoff = backoff; }
        public Duration getMaxBackoff() { return maxBackoff; }
        public void setMaxBackoff(Duration maxBackoff) { this.maxBackoff = maxBackoff; }
        public int getMaxAttempts() { return maxAttempts; }
        public void setMaxAttempts(int maxAttempts) { this.maxAttempts = maxAttempts; }
        public Duration getLease() { return lease; }
        public void setLease(Duration lease) { this.lease = lease; }
        public int getBatch() { return batch; }
        public void setBatch(int batch) { this.batch = batch; }
        public Duration getKeepSent() { return keepSent; }
        public void setKeepSent(Duration keepSent) { this.keepSent = keepSent; }
    }

    public static class Mail {
        private String from = "mosaic@localhost";

        public String getFrom() { return from; }
        public void setFrom(String from) { this.from = from; }
    }

    public static class Webhook {
        private List<String> allowedHosts = new ArrayList<>();
        private Duration timeout = Duration.ofSeconds(10);

        public List<String> getAllowedHosts() { return allowedHosts; }
        public void setAllowedHosts(List<String> allowedHosts) { this.allowedHosts = allowedHosts; }
        public Duration getTimeout() { return timeout; }
        public void setTimeout(Duration timeout) { this.timeout = timeout; }
    }

    /** A webhook an administrator configured: where it posts, the HMAC secret, the body's shape and language. */
    public static class Endpoint {
        private String url;
        private String secret = "";
        private String preset = "json";
        private String locale = "zh-CN";

        public Endpoint() {
        }

        public Endpoint(String url, String secret, String preset) {
            this.url = url;
            this.secret = secret;
            this.preset = preset;
        }

        public String getUrl() { return url; }
        public void setUrl(String url) { this.url = url; }
        public String getSecret() { return secret; }
        public void setSecret(String secret) { this.secret = secret; }
        public String getPreset() { return preset; }
        public void setPreset(String preset) { this.preset = preset; }
        public String getLocale() { return locale; }
        public void setLocale(String locale) { this.locale = locale; }
    }
}
