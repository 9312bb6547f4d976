package io.mosaic.flow.run;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.stream.XMLStreamException;

import org.flowable.bpmn.converter.BpmnXMLConverter;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.FlowNode;
import org.flowable.bpmn.model.FlowableListener;
import org.flowable.bpmn.model.Gateway;
import org.flowable.bpmn.model.ImplementationType;
import org.flowable.bpmn.model.InclusiveGateway;
import org.flowable.bpmn.model.MultiInstanceLoopCharacteristics;
import org.flowable.bpmn.model.ParallelGateway;
import org.flowable.bpmn.model.Process;
import org.flowable.bpmn.model.SequenceFlow;
import org.flowable.bpmn.model.ServiceTask;
import org.flowable.bpmn.model.StartEvent;
import org.flowable.bpmn.model.UserTask;

import io.mosaic.flow.api.BpmnXml;
import io.mosaic.flow.api.ProcessBindings;

/**
 * The BPMN the engine runs for one binding: the analyst's process with the binding's behaviour wired in. The only
 * expressions in it are the ones written here, each a call into the platform ({@value #BEAN} and
 * {@value #TASK_LISTENER}); the process kind refused every expression of the analyst's own.
 *
 * <ul>
 *   <li>the process id becomes the binding key, so two bindings of one process are two definitions;</li>
 *   <li>every user task gets its assignees, due date and fallback from the platform when it is created;</li>
 *   <li>a multi-instance task takes its signers from the assignment and completes by the countersign rule;</li>
 *   <li>a bound flow's condition is the binding's formula;</li>
 *   <li>a service task runs its step, one of the platform's own actions;</li>
 *   <li>a user task {@value #RESUBMIT}, reached only by returning to the initiator, leads back to where the start
 *       event leads.</li>
 * </ul>
 */
public final class DeployableProcess {

    /** The bean the generated expressions call. */
    public static final String BEAN = "mosaicFlow";
    /** The bean that sets up each user task when it is created. */
    public static final String TASK_LISTENER = "mosaicTaskCreated";
    /** The initiator's step after a return to the initiator. */
    public static final String RESUBMIT = "mosaic_resubmit";
    /** The names of the steps the platform adds, in each language, as a binding's {@code names} give the analyst's. */
    static final Map<String, Map<String, String>> PLATFORM_NAMES =
            Map.of(RESUBMIT, Map.of("zh-CN", "重新提交", "en", "Resubmit"));
    /** The variable holding a multi-instance task's signer. */
    public static final String SIGNER = "mosaicSigner";

    private DeployableProcess() {
    }

    /**
     * @param bpmnXml a process definition the process kind accepted, which {@code binding} fits
     *                ({@link ProcessBindings#check} found nothing)
     */
    public static String build(String bpmnXml, FlowBinding binding) {
        BpmnModel model;
        try {
            model = BpmnXml.read(bpmnXml);
        } catch (XMLStreamException e) {
            throw new IllegalArgumentException("A published process is well-formed", e);
        }
        Process process = ProcessBindings.boundProcess(model, binding.process())
                .orElseThrow(() -> new IllegalArgumentException("No process for binding " + binding.key()));
        model.getProcesses().removeIf(other -> other != process);
        model.getPools().clear();
        model.getMessageFlows().clear();
        // The diagram shown to users is the analyst's document; the run-time copy needs no layout.
        model.getLocationMap().clear();
        model.getFlowLocationMap().clear();
        model.getLabelLocationMap().clear();
        process.setId(binding.key());
        for (UserTask task : process.findFlowElementsOfType(UserTask.class, true)) {
            wire(task);
        }
        for (ServiceTask step : process.findFlowElementsOfType(ServiceTask.class, true)) {
            step.getExtensionElements().clear();
            step.getAttributes().clear();
            step.getFieldExtensions().clear();
            step.setType(null);
            step.setImplementationType(ImplementationType.IMPLEMENTATION_TYPE_EXPRESSION);
            step.setImplementation("${" + BEAN + ".step(execution, '" + step.getId() + "')}");
        }
        for (SequenceFlow flow : process.findFlowElementsOfType(SequenceFlow.class, true)) {
            // A condition the binding does not give (text a Camunda modeler left, say) is never evaluated.
            flow.setConditionExpression(binding.conditions().containsKey(flow.getId())
                    ? "${" + BEAN + ".condition(execution, '" + flow.getId() + "')}" : null);
        }
        addResubmit(process);
        return new String(new BpmnXMLConverter().convertToXML(model), StandardCharsets.UTF_8);
    }

    private static void wire(UserTask task) {
        task.setAssignee(null);
        task.setOwner(null);
        task.setCandidateUsers(new ArrayList<>());
        task.setCandidateGroups(new ArrayList<>());
        task.setDueDate(null);
        task.setFormKey(null);
        task.getExtensionElements().clear();
        task.getAttributes().clear();
        FlowableListener created = new FlowableListener();
        created.setEvent("create");
        created.setImplementationType(ImplementationType.IMPLEMENTATION_TYPE_DELEGATEEXPRESSION);
        created.setImplementation("${" + TASK_LISTENER + "}");
        List<FlowableListener> listeners = new ArrayList<>();
        listeners.add(created);
        task.setTaskListeners(listeners);
        MultiInstanceLoopCharacteristics loop = task.getLoopCharacteristics();
        if (loop != null) {
            loop.setLoopCardinality(null);
            loop.setInputDataItem("${" + BEAN + ".signers(execution)}");
            loop.setCollectionString(null);
            loop.setElementVariable(SIGNER);
            loop.setCompletionCondition("${" + BEAN + ".countersignDone(execution)}");
        }
    }

    private static void addResubmit(Process process) {
        StartEvent start = process.getFlowElements().stream().filter(StartEvent.class::isInstance)
                .map(StartEvent.class::cast).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("The process has no start event"));
        UserTask resubmit = new UserTask();
        resubmit.setId(RESUBMIT);
        resubmit.setName("重新提交 / Resubmit");
        process.addFlowElement(resubmit);
        wire(resubmit);
        SequenceFlow back = new SequenceFlow(RESUBMIT, start.getOutgoingFlows().get(0).getTargetRef());
        back.setId(RESUBMIT + "_flow");
        process.addFlowElement(back);
        resubmit.setOutgoingFlows(List.of(back));
    }

    /**
     * Whether a node sits inside a parallel (or inclusive) block, between a fork and its join: returning there
     * would leave the join waiting for the other branches forever, so it is not offered as a return target. Walks
     * back along the first incoming flow, counting joins passed against forks passed.
     */
    public static boolean insideParallelBlock(String bpmnXml, String processKey, String nodeId) {
        Process process;
        try {
            process = ProcessBindings.boundProcess(BpmnXml.read(bpmnXml), processKey).orElse(null);
        } catch (XMLStreamException e) {
            return false;
        }
        FlowElement element = process == null ? null : process.getFlowElement(nodeId, true);
        if (!(element instanceof FlowNode node)) {
            return false;
        }
        int joins = 0;
        Set<String> seen = new HashSet<>();
        Deque<FlowNode> path = new ArrayDeque<>();
        path.push(node);
        while (!path.isEmpty()) {
            FlowNode at = path.pop();
            if (!seen.add(at.getId()) || at.getIncomingFlows().isEmpty()) {
                break;
            }
            FlowElement previous = process.getFlowElement(at.getIncomingFlows().get(0).getSourceRef(), true);
            if (previous instanceof Gateway gateway && (gateway instanceof ParallelGateway
                    || gateway instanceof InclusiveGateway)) {
                if (gateway.getIncomingFlows().size() > 1) {
                    joins++;
                } else if (gateway.getOutgoingFlows().size() > 1) {
                    if (joins == 0) {
                        return true;
                    }
                    joins--;
                }
            }
            if (previous instanceof FlowNode next) {
                path.push(next);
            }
        }
        return false;
    }
}
