package io.mosaic.runtime.notify;

import java.util.Arrays;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Where a notification goes; {@link #key()} is the word stored in the outbox and used in rule definitions. */
public enum Channel {
    IN_APP("in_app"), EMAIL("email"), WEBHOOK("webhook");

    private final String key;

    Channel(String key) {
        this.key = key;
    }

    @JsonValue
    public String key() {
        return key;
    }

    @JsonCreator
    public static Channel of(String key) {
        return Arrays.stream(values()).filter(c -> c.key.equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown notification channel " + key));
    }
}
