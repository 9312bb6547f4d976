package io.mosaic.flow.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class ProcessBindingsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ORDER_PROCESS = fixture("order-approval.bpmn20.xml");
    private static final Set<String> ORDER_FIELDS =
            Set.of("total", "discount", "cost", "dealer", "credit_note", "lines", "lines.price", "lines.quantity");

    @Test
    void acceptsABindingThatMatchesItsProcessAndForm() {
        assertThat(ProcessBindings.check(fixture("order-approval.flow.json"), ORDER_PROCESS, ORDER_FIELDS)).isEmpty();
    }

    @ParameterizedTest(name = "{0} is refused at {1}, element {2}")
    @CsvSource(nullValues = "-", value = {
            "unbound-user-task.flow.json, /tasks, finance_review",
            "binds-a-gateway.flow.json, /tasks/3/id, amount_check",
            "binds-a-missing-task.flow.json, /tasks/3/id, ceo_review",
            "countersign-on-single-task.flow.json, /tasks/0/countersign, region_review",
            "view-unknown-field.flow.json, /tasks/0/view/margin, -",
            "assignment-unknown-field.flow.json, /tasks/0/assignment/field, -",
            "condition-on-default-flow.flow.json, /flows/2/id, small",
            "condition-on-plain-flow.flow.json, /flows/2/id, to_end",
            "condition-unknown-field.flow.json, /flows/0/condition, -",
            "gateway-flow-without-condition.flow.json, /flows, over_credit",
    })
    void refusesADisagreementWithThePointerAndTheElement(String fixture, String pointer, String element) {
        assertThat(ProcessBindings.check(fixture(fixture), ORDER_PROCESS, ORDER_FIELDS))
                .extracting(BindingProblem::pointer, BindingProblem::element)
                .containsExactly(tuple(pointer, element));
    }

    @Test
    void namesTheKindOfElementBoundAsATask() {
        assertThat(ProcessBindings.check(fixture("binds-a-gateway.flow.json"), ORDER_PROCESS, ORDER_FIELDS))
                .singleElement().extracting(BindingProblem::message)
                .isEqualTo("'amount_check' is an exclusive gateway, not a user task");
    }

    @Test
    void refusesANameForAnElementTheProcessLacksAtItsPointer() {
        String binding = withNames("""
                {"region_review": {"zh-CN": "区域经理审核", "en": "Region manager review"},
                 "end": {"zh-CN": "结束", "en": "Done"},
                 "ceo_review": {"zh-CN": "总裁审批", "en": "CEO approval"}}""");

        assertThat(ProcessBindings.check(binding, ORDER_PROCESS, ORDER_FIELDS))
                .extracting(BindingProblem::pointer, BindingProblem::element, BindingProblem::message)
                .containsExactly(tuple("/names/ceo_review", "ceo_review", "The process has no element 'ceo_review' to name"));
    }

    @Test
    void acceptsAColumnOfASubtableOnlyWhenTheFormHasIt() {
        String binding = fixture("order-approval.flow.json").replace("lines.price", "lines.weight");

        assertThat(ProcessBindings.check(binding, ORDER_PROCESS, ORDER_FIELDS))
                .extracting(BindingProblem::pointer).containsExactly("/tasks/0/view/lines.weight");
    }

    @Test
    void escapesASlashInAFieldNameOfThePointer() {
        String binding = fixture("order-approval.flow.json").replace("\"cost\": \"hidden\"", "\"a/b\": \"hidden\"");

        assertThat(ProcessBindings.check(binding, ORDER_PROCESS, ORDER_FIELDS))
                .extracting(BindingProblem::pointer).containsExactly("/tasks/0/view/a~1b");
    }

    @Test
    void refusesAProcessKeyTheDocumentDoesNotHoldAmongSeveralProcesses() {
        String twoProcesses = ORDER_PROCESS.replace("</definitions>",
                "<process id=\"other\" isExecutable=\"true\"><startEvent id=\"s2\"/></process></definitions>");
        String binding = fixture("order-approval.flow.json").replace("\"process\": \"order_approval\"", "\"process\": \"refund\"");

        assertThat(ProcessBindings.check(binding, twoProcesses, ORDER_FIELDS))
                .extracting(BindingProblem::pointer).containsExactly("/process");
    }

    @Test
    void looksIntoSubProcessesAndTellsParallelFromChoosingGateways() {
        assertThat(ProcessBindings.check(fixture("subprocess-inclusive.flow.json"),
                fixture("subprocess-inclusive.bpmn20.xml"), Set.of("amount", "tax_officer")))
                .extracting(BindingProblem::pointer, BindingProblem::element)
                .containsExactly(
                        tuple("/tasks", "risk_review"),
                        tuple("/flows/1/id", "to_legal"),
                        tuple("/flows", "needs_risk"));
    }

    @Test
    void suggestsABindingFromCamundaAttributes() throws IOException {
        assertThat(new ProcessKind().validate("leave_request", fixture("camunda-leave-request.bpmn20.xml"))).isEmpty();

        String suggested = ProcessBindings.suggest("leave_request", "leave", fixture("camunda-leave-request.bpmn20.xml"));

        assertThat(JSON.readTree(suggested)).isEqualTo(JSON.readTree(fixture("camunda-leave-request.suggested.flow.json")));
        assertThat(new FlowBindingKind().validate("leave_request", suggested)).isEmpty();
    }

    @Test
    void leavesAGatewayFlowWithoutAConditionForCheckToName() {
        String suggested = ProcessBindings.suggest("leave_request", "leave", fixture("camunda-leave-request.bpmn20.xml"));

        assertThat(ProcessBindings.check(suggested, fixture("camunda-leave-request.bpmn20.xml"), Set.of("days")))
                .containsExactly(new BindingProblem("/flows", "Flow_very_long", "The flow 'Flow_very_long' out of "
                        + "gateway 'Gateway_days' has no condition; give it one, or make it the gateway's default"));
    }

    @Test
    void suggestsAssigneesAndCandidatesFromActivitiAndFlowableAttributes() throws IOException {
        String suggested = ProcessBindings.suggest("expense", "expense", fixture("activiti-expense.bpmn20.xml"));

        assertThat(JSON.readTree(suggested).path("tasks").findValues("assignment")).map(Object::toString).containsExactly(
                "{\"type\":\"users\",\"users\":[\"zhang_san\"]}",
                "{\"type\":\"candidates\",\"roles\":[\"finance\",\"cashier\"]}",
                "{\"type\":\"candidates\",\"users\":[\"auditor_1\",\"auditor_2\"]}");
        assertThat(ProcessBindings.check(suggested, fixture("activiti-expense.bpmn20.xml"), Set.of())).isEmpty();
    }

    @Test
    void neverCarriesAnExpressionIntoASuggestion() throws IOException {
        String withExpressions = fixture("activiti-expense.bpmn20.xml")
                .replace("activiti:assignee=\"zhang_san\"", "activiti:assignee=\"${initiator}\"")
                .replace("activiti:candidateGroups=\"finance,cashier\"", "activiti:candidateGroups=\"#{groups},cashier\"");

        List<String> assignments = JSON.readTree(ProcessBindings.suggest("expense", "expense", withExpressions))
                .path("tasks").findValues("assignment").stream().map(Object::toString).toList();

        assertThat(assignments).element(0).isEqualTo("{\"type\":\"initiator_manager\",\"levels\":1}");
        assertThat(assignments).element(1).isEqualTo("{\"type\":\"candidates\",\"roles\":[\"cashier\"]}");
    }

    @Test
    void refusesToSuggestForADocumentWithoutAnExecutableProcess() {
        assertThatThrownBy(() -> ProcessBindings.suggest("review", "order", Fixtures.read("process/no-executable-process.bpmn20.xml")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no executable process");
    }

    static String withNames(String names) {
        String binding = fixture("order-approval.flow.json");
        return binding.substring(0, binding.lastIndexOf('}')) + ", \"names\": " + names + "}";
    }

    private static String fixture(String name) {
        return Fixtures.read("binding/" + name);
    }
}
