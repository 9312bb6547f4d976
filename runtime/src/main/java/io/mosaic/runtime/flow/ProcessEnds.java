package io.mosaic.runtime.flow;

import java.util.HashSet;
import java.util.Set;

import org.flowable.common.engine.api.delegate.event.FlowableEngineEventType;
import org.flowable.common.engine.api.delegate.event.FlowableEvent;
import org.flowable.common.engine.api.delegate.event.FlowableEventListener;
import org.flowable.engine.delegate.event.FlowableProcessEngineEvent;

/**
 * Notes, on the calling thread, which process instances reached their end during the current call, so that the
 * platform learns it without asking the database. A cancelled instance (rejected, withdrawn) is not noted: only
 * one that completed.
 */
public final class ProcessEnds implements FlowableEventListener {

    private static final ThreadLocal<Set<String>> ENDED = ThreadLocal.withInitial(HashSet::new);

    /** Forgets what an earlier call on this thread noted (it may have rolled back). */
    static void reset() {
        ENDED.get().clear();
    }

    static boolean ended(String processInstanceId) {
        return ENDED.get().contains(processInstanceId);
    }

    @Override
    public void onEvent(FlowableEvent event) {
        if (event.getType() == FlowableEngineEventType.PROCESS_COMPLETED
                && event instanceof FlowableProcessEngineEvent process) {
            ENDED.get().add(process.getProcessInstanceId());
        }
    }

    @Override
    public boolean isFailOnException() {
        return true;
    }

    @Override
    public boolean isFireOnTransactionLifecycleEvent() {
        return false;
    }

    @Override
    public String getOnTransaction() {
        return null;
    }
}
