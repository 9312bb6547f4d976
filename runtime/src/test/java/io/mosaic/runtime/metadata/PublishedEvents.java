package io.mosaic.runtime.metadata;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Test listener, present in every test context (so the shared context stays one): records each
 * {@link DefinitionPublished} and whether it arrived inside a transaction, and fails for one key so that
 * a test can see a failing listener undo the publish.
 */
@Component
public class PublishedEvents {

    /** Definitions under this key cannot be published: the listener throws. */
    public static final String REFUSED_KEY = "refused_by_listener";

    public record Received(DefinitionPublished event, boolean inTransaction) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();

    @EventListener
    void on(DefinitionPublished event) {
        received.add(new Received(event, TransactionSynchronizationManager.isActualTransactionActive()));
        if (event.key().equals(REFUSED_KEY)) {
            throw new IllegalStateException("This test listener refuses to accept " + REFUSED_KEY);
        }
    }

    public List<Received> forApp(String appKey) {
        return received.stream().filter(r -> r.event().appKey().equals(appKey)).toList();
    }
}
