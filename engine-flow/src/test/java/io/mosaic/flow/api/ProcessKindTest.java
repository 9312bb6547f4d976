package io.mosaic.flow.api;

import io.mosaic.api.definition.DefinitionFormat;
import io.mosaic.api.definition.DefinitionKinds;
import io.mosaic.api.definition.DefinitionProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessKindTest {

    private final ProcessKind kind = new ProcessKind();

    @ParameterizedTest(name = "{0} is accepted")
    @ValueSource(strings = {"user-task-with-gateway.bpmn20.xml", "camunda-modeler-user-task.bpmn20.xml"})
    void acceptsUserTaskProcesses(String fixture) {
        assertThat(kind.validate("review", fixture(fixture))).isEmpty();
    }

    @ParameterizedTest(name = "{0} is refused at element {1}")
    @CsvSource({
            "script-task.bpmn20.xml, compute_discount",
            "service-task-class.bpmn20.xml, call_erp",
            "service-task-shell.bpmn20.xml, run_shell",
            "camunda-service-task-delegate-expression.bpmn20.xml, notify_erp",
            "send-task-expression.bpmn20.xml, send_mail",
            "execution-listener-class.bpmn20.xml, approve",
            "task-listener-expression.bpmn20.xml, approve",
            "assignee-expression.bpmn20.xml, approve",
            "due-date-hash-expression.bpmn20.xml, approve",
            "condition-expression-juel.bpmn20.xml, large",
    })
    void refusesCodeWithTheElementId(String fixture, String elementId) {
        List<DefinitionProblem> problems = kind.validate("review", fixture(fixture));

        assertThat(problems).isNotEmpty();
        assertThat(problems).extracting(DefinitionProblem::pointer).containsOnly(elementId);
    }

    @Test
    void explainsWhyAScriptTaskIsRefused() {
        assertThat(kind.validate("review", fixture("script-task.bpmn20.xml")))
                .containsExactly(DefinitionProblem.at("compute_discount", "Script tasks are not allowed: a script is code"));
    }

    @Test
    void namesTheAttributeHoldingAnExpression() {
        assertThat(kind.validate("review", fixture("assignee-expression.bpmn20.xml")))
                .singleElement().extracting(DefinitionProblem::message).asString()
                .contains("flowable:assignee", "${initiator}");
    }

    @Test
    void refusesDoctypeWithoutReadingTheEntity() {
        assertThat(kind.validate("review", fixture("doctype-external-entity.bpmn20.xml")))
                .singleElement().satisfies(p -> {
                    assertThat(p.pointer()).isEmpty();
                    assertThat(p.message()).contains("DOCTYPE").doesNotContain("root:");
                });
    }

    @Test
    void refusesMalformedXmlWithLineAndColumn() {
        assertThat(kind.validate("review", fixture("not-well-formed.bpmn20.xml")))
                .singleElement().satisfies(p -> {
                    assertThat(p.pointer()).isEmpty();
                    assertThat(p.message()).startsWith("Not well-formed XML at line 5, column");
                });
    }

    @ParameterizedTest(name = "{0} is refused as a whole")
    @ValueSource(strings = {"no-executable-process.bpmn20.xml", "not-bpmn.bpmn20.xml"})
    void refusesDocumentsWithoutAnExecutableProcess(String fixture) {
        assertThat(kind.validate("review", fixture(fixture)))
                .isNotEmpty().extracting(DefinitionProblem::pointer).containsOnly("");
    }

    @Test
    void refusesEmptyContent() {
        assertThat(kind.validate("review", "")).containsExactly(DefinitionProblem.at("", "The definition is empty"));
    }

    @Test
    void isRegisteredForServiceLoading() {
        assertThat(DefinitionKinds.load().forFileName("order_approval.bpmn20.xml"))
                .hasValueSatisfying(k -> assertThat(k.format()).isEqualTo(DefinitionFormat.XML));
    }

    private static String fixture(String name) {
        return Fixtures.read("process/" + name);
    }
}
