package io.mosaic.runtime.notify;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * The SSRF check of webhook targets: http or https only, and every address the host resolves to must be public —
 * not loopback, link-local (cloud metadata lives there), private, unique-local, shared (100.64/10), unspecified or
 * multicast — unless an administrator lists the host in {@code mosaic.notify.webhook.allowed-hosts}. Redirects are
 * never followed (see {@link WebhookChannel}), so the checked host is the one contacted. A host whose DNS answer
 * changes between this check and the connection (DNS rebinding) is not covered.
 */
@Component
class WebhookGuard {

    private static final Set<String> METADATA_HOSTS = Set.of("metadata.google.internal", "metadata.goog",
            "metadata.azure.com");
    /** Alibaba Cloud's metadata service sits at a public-looking address. */
    private static final String ALIBABA_METADATA = "100.100.100.200";

    private final Webhooks webhooks;

    WebhookGuard(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    void check(URI uri) throws DeliveryException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw refused("'" + uri + "' is not an http or https address");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw refused("'" + uri + "' names no host");
        }
        host = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (webhooks.hostAllowed(host)) {
            return;
        }
        if (METADATA_HOSTS.contains(host.toLowerCase(Locale.ROOT))) {
            throw refused(host + " is a cloud metadata service" + HINT);
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new DeliveryException("Cannot resolve the webhook host " + host, false, e);
        }
        for (InetAddress address : addresses) {
            String kind = forbidden(address);
            if (kind != null) {
                throw refused(host + (host.equals(address.getHostAddress()) ? "" : " resolves to "
                        + address.getHostAddress() + ", which") + " is a " + kind + " address" + HINT);
            }
        }
    }

    private static final String HINT = "; an administrator may allow the host (Admin → Webhooks, or "
            + "mosaic.notify.webhook.allowed-hosts)";

    /** What makes the address unfit for a webhook, or null when it is a public unicast address. */
    static String forbidden(InetAddress address) {
        if (address.isAnyLocalAddress()) {
            return "unspecified";
        }
        if (address.isLoopbackAddress()) {
            return "loopback";
        }
        if (address.getHostAddress().equals("169.254.169.254") || address.getHostAddress().equals(ALIBABA_METADATA)) {
            return "cloud metadata";
        }
        if (address.isLinkLocalAddress()) {
            return "link-local";
        }
        if (address.isSiteLocalAddress()) {
            return "private";
        }
        if (address.isMulticastAddress()) {
            return "multicast";
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            if (first == 0) {
                return "unspecified";
            }
            if (first == 100 && second >= 64 && second < 128) {
                return "shared (carrier-grade NAT)";
            }
            if (first >= 240) {
                return "reserved";
            }
        }
        if (address instanceof Inet6Address && (bytes[0] & 0xfe) == 0xfc) {
            return "private (unique local)";
        }
        return null;
    }

    private static DeliveryException refused(String reason) {
        return new DeliveryException("Webhook target refused: " + reason, true);
    }
}
