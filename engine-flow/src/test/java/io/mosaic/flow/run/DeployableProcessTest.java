package io.mosaic.flow.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** What the engine runs for a binding, and the rules a binding's countersign and SLA follow. */
class DeployableProcessTest {

    private static String fixture(String name) throws IOException {
        try (InputStream in = DeployableProcessTest.class.getResourceAsStream("/binding/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theOnlyExpressionsAreThePlatformsOwnCalls() throws IOException {
        String deployed = DeployableProcess.build(fixture("camunda-leave-request.bpmn20.xml"),
                FlowBinding.read(fixture("camunda-leave-request.suggested.flow.json")));
        Matcher expressions = Pattern.compile("\\$\\{([^}]*)}").matcher(deployed);
        int count = 0;
        while (expressions.find()) {
            count++;
            assertThat(expressions.group(1)).matches("mosaicFlow\\.(condition\\(execution, '[A-Za-z_][\\w.-]*'\\)"
                    + "|step\\(execution, '[A-Za-z_][\\w.-]*'\\)|signers\\(execution\\)|countersignDone\\(execution\\))|mosaicTaskCreated");
        }
        assertThat(count).isGreaterThan(3);
        assertThat(deployed).doesNotContain("lead_wang").doesNotContain("days &gt; 5 <").contains("id=\"leave_request\"")
                .contains("id=\"" + DeployableProcess.RESUBMIT + "\"");
    }

    @Test
    void nodesBetweenAForkAndItsJoinAreInsideAParallelBlock() {
        String xml = """
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" targetNamespace="t">
                  <process id="p" isExecutable="true">
                    <startEvent id="s"/><sequenceFlow id="f0" sourceRef="s" targetRef="intake"/>
                    <userTask id="intake"/><sequenceFlow id="f1" sourceRef="intake" targetRef="fork"/>
                    <parallelGateway id="fork"/>
                    <sequenceFlow id="f2" sourceRef="fork" targetRef="a"/><sequenceFlow id="f3" sourceRef="fork" targetRef="b"/>
                    <userTask id="a"/><userTask id="b"/>
                    <sequenceFlow id="f4" sourceRef="a" targetRef="a2"/><userTask id="a2"/>
                    <sequenceFlow id="f5" sourceRef="a2" targetRef="join"/><sequenceFlow id="f6" sourceRef="b" targetRef="join"/>
                    <parallelGateway id="join"/><sequenceFlow id="f7" sourceRef="join" targetRef="after"/>
                    <userTask id="after"/><sequenceFlow id="f8" sourceRef="after" targetRef="e"/><endEvent id="e"/>
                  </process>
                </definitions>""";
        assertThat(DeployableProcess.insideParallelBlock(xml, "p", "intake")).isFalse();
        assertThat(DeployableProcess.insideParallelBlock(xml, "p", "a")).isTrue();
        assertThat(DeployableProcess.insideParallelBlock(xml, "p", "a2")).isTrue();
        assertThat(DeployableProcess.insideParallelBlock(xml, "p", "b")).isTrue();
        assertThat(DeployableProcess.insideParallelBlock(xml, "p", "after")).isFalse();
    }

    @Test
    void countersignRulesDecideOnApprovalsAndOnRejectionsThatLeaveTooFew() {
        FlowBinding.Countersign all = new FlowBinding.Countersign("all", 100);
        FlowBinding.Countersign any = new FlowBinding.Countersign("any", 100);
        FlowBinding.Countersign sixty = new FlowBinding.Countersign("percentage", 60);
        assertThat(all.approvedBy(2, 3)).isFalse();
        assertThat(all.approvedBy(3, 3)).isTrue();
        assertThat(all.rejectedBy(1, 3)).isTrue();
        assertThat(any.approvedBy(1, 5)).isTrue();
        assertThat(any.rejectedBy(4, 5)).isFalse();
        assertThat(any.rejectedBy(5, 5)).isTrue();
        assertThat(sixty.approvedBy(2, 4)).isFalse();
        assertThat(sixty.approvedBy(3, 5)).isTrue();
        assertThat(sixty.rejectedBy(1, 3)).isFalse();
        assertThat(sixty.rejectedBy(2, 3)).isTrue();
    }

    @Test
    void dueDatesAddDaysHoursAndCalendarAmounts() {
        java.time.Instant start = java.time.Instant.parse("2026-01-31T10:00:00Z");
        assertThat(new FlowBinding.Sla("P1DT12H", "remind").dueFrom(start)).isEqualTo("2026-02-01T22:00:00Z");
        assertThat(new FlowBinding.Sla("P1M", "remind").dueFrom(start)).isEqualTo("2026-02-28T10:00:00Z");
        assertThat(new FlowBinding.Sla("P1W", "remind").dueFrom(start)).isEqualTo("2026-02-07T10:00:00Z");
    }

    @Test
    void namesAnElementInTheUsersLanguageFallingBackToTheBpmnNameAndTheId() throws IOException {
        String json = fixture("order-approval.flow.json");
        FlowBinding binding = FlowBinding.read(json.substring(0, json.lastIndexOf('}')) + """
                , "names": {"region_review": {"zh-CN": "区域经理审核", "en": "Region manager review"}}}""");

        assertThat(binding.nameOf("region_review", "en", "区域审核")).isEqualTo("Region manager review");
        assertThat(binding.nameOf("region_review", "zh-CN", "Region review")).isEqualTo("区域经理审核");
        assertThat(binding.nameOf("finance_review", "en", "财务审核")).isEqualTo("财务审核");
        assertThat(binding.nameOf("end", "en", null)).isEqualTo("end");
        assertThat(binding.nameOf(DeployableProcess.RESUBMIT, "en", "重新提交 / Resubmit")).isEqualTo("Resubmit");
    }

    @Test
    void theDiagramNamesTheBoundElementsInTheReadersLanguageAndKeepsTheOthers() throws IOException {
        String json = fixture("order-approval.flow.json");
        FlowBinding binding = FlowBinding.read(json.substring(0, json.lastIndexOf('}')) + """
                , "names": {"region_review": {"zh-CN": "区域经理审核", "en": "Region manager (en)"}}}""");

        String english = DiagramNames.in(fixture("order-approval.bpmn20.xml"), binding, "en");
        String chinese = DiagramNames.in(fixture("order-approval.bpmn20.xml"), binding, "zh-CN");

        assertThat(english).contains("name=\"Region manager (en)\"").contains("name=\"Finance review\"");
        assertThat(chinese).contains("name=\"区域经理审核\"").doesNotContain("Region manager");
    }
}
