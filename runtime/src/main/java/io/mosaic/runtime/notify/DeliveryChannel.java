package io.mosaic.runtime.notify;

import java.time.Instant;

/** Delivers outbox rows of one channel. Must tolerate a row delivered again (at-least-once): the key is the same. */
interface DeliveryChannel {

    Channel channel();

    /** Returns when the receiver has the message; throws {@link DeliveryException} when it does not. */
    void deliver(OutboxEntry entry, Instant now) throws DeliveryException;
}
