package io.mosaic.runtime.notify;

/**
 * A delivery that did not happen. {@code permanent} failures (a refused target, no e-mail address, no mail server
 * configured) are not retried on their own: the row is dead at once and waits for an administrator's retry.
 */
class DeliveryException extends Exception {

    private final boolean permanent;

    DeliveryException(String message, boolean permanent) {
        super(message);
        this.permanent = permanent;
    }

    DeliveryException(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    boolean permanent() {
        return permanent;
    }
}
