package io.mosaic.runtime.metadata;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** For caches of published definitions, which a publish makes stale. */
public final class PublishCaches {

    private PublishCaches() {
    }

    /**
     * Runs {@code forget} now, and again when the publishing transaction ends: what was read into the cache inside
     * that transaction may be rolled back with it.
     */
    public static void forgetNowAndAfterTransaction(Runnable forget) {
        forget.run();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forget.run();
                }
            });
        }
    }
}
