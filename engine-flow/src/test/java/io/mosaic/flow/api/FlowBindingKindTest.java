package io.mosaic.flow.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mosaic.api.definition.DefinitionFormat;
import io.mosaic.api.definition.DefinitionKinds;
import io.mosaic.api.definition.DefinitionProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

class FlowBindingKindTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FlowBindingKind kind = new FlowBindingKind();

    @Test
    void acceptsABindingUsingEveryPartOfATask() {
        assertThat(kind.validate("order_approval", fixture("order-approval.flow.json"))).isEmpty();
    }

    @ParameterizedTest(name = "assignment {0} is accepted")
    @ValueSource(strings = {
            "{\"type\": \"users\", \"users\": [\"wang_wu\", 42]}",
            "{\"type\": \"roles\", \"roles\": [\"region_manager\", \"director\"]}",
            "{\"type\": \"initiator\"}",
            "{\"type\": \"initiator_manager\", \"levels\": 2}",
            "{\"type\": \"org_manager\", \"field\": \"dealer.region\"}",
            "{\"type\": \"field_user\", \"field\": \"sales_rep\"}",
            "{\"type\": \"dealer_users\", \"field\": \"dealer.code\"}",
            "{\"type\": \"candidates\", \"roles\": [\"finance\"]}",
            "{\"type\": \"candidates\", \"users\": [\"li_lei\", 3]}",
    })
    void acceptsEachKindOfAssignment(String assignment) throws IOException {
        assertThat(kind.validate("order_approval", withRegionAssignment(assignment))).isEmpty();
    }

    @ParameterizedTest(name = "assignment {0} is refused at {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"type\": \"candidates\"}                           | /tasks/0/assignment",
            "{\"type\": \"users\", \"users\": []}                 | /tasks/0/assignment/users",
            "{\"type\": \"users\", \"users\": [0]}                | /tasks/0/assignment/users/0",
            "{\"type\": \"initiator_manager\", \"levels\": 11}    | /tasks/0/assignment/levels",
            "{\"type\": \"initiator\", \"users\": [\"wang_wu\"]}  | /tasks/0/assignment/users",
            "{\"type\": \"roles\", \"roles\": [\"Region Boss\"]}  | /tasks/0/assignment/roles/0",
            "{\"type\": \"dealer_users\"}                        | /tasks/0/assignment/field",
    })
    void refusesAssignmentsMissingOrMixingTheirMembers(String assignment, String pointer) throws IOException {
        assertThat(kind.validate("order_approval", withRegionAssignment(assignment)))
                .isNotEmpty().extracting(DefinitionProblem::pointer).contains(pointer);
    }

    @ParameterizedTest(name = "{0} is refused at {1}")
    @CsvSource({
            "duplicate-task-id.flow.json, /tasks/2/id",
            "duplicate-flow-id.flow.json, /flows/1/id",
            "duplicate-action.flow.json, /tasks/1/actions/3",
            "without-approve.flow.json, /tasks/2/actions",
            "percentage-out-of-range.flow.json, /tasks/1/countersign/percentage",
            "percentage-missing.flow.json, /tasks/1/countersign/percentage",
            "percentage-without-percentage-mode.flow.json, /tasks/1/countersign/percentage",
            "countersign-by-candidates.flow.json, /tasks/2/countersign",
            "due-not-a-duration.flow.json, /tasks/0/sla/due",
            "due-zero.flow.json, /tasks/0/sla/due",
            "auto-reject-without-reject.flow.json, /tasks/1/sla/onOverdue",
            "condition-not-parsing.flow.json, /flows/0/condition",
            "unknown-assignment-type.flow.json, /tasks/1/assignment/type",
            "roles-assignment-with-levels.flow.json, /tasks/1/assignment/levels",
            "manager-levels-missing.flow.json, /tasks/1/assignment/levels",
            "unknown-action.flow.json, /tasks/0/actions/7",
            "unknown-view-access.flow.json, /tasks/0/view/discount",
            "fallback-user-missing.flow.json, /tasks/0/fallback/user",
    })
    void refusesWithAPointerAtTheFault(String fixture, String pointer) {
        assertThat(kind.validate("order_approval", fixture(fixture)))
                .extracting(DefinitionProblem::pointer).containsExactly(pointer);
    }

    @Test
    void namesBothUsesOfARepeatedTaskId() {
        assertThat(kind.validate("order_approval", fixture("duplicate-task-id.flow.json")))
                .containsExactly(DefinitionProblem.at("/tasks/2/id",
                        "The task key 'region_review' is already used at /tasks/0/id"));
    }

    @Test
    void explainsADurationItCannotRead() {
        assertThat(kind.validate("order_approval", fixture("due-not-a-duration.flow.json")))
                .singleElement().extracting(DefinitionProblem::message).asString()
                .contains("'P2 days'", "P2D", "PT4H");
    }

    @Test
    void placesAConditionsSyntaxErrorInItsText() {
        assertThat(kind.validate("order_approval", fixture("condition-not-parsing.flow.json")))
                .singleElement().extracting(DefinitionProblem::message).asString()
                .startsWith("The condition does not parse:").contains("at character 9");
    }

    @Test
    void acceptsACreateUserStepWithFormulasForTheAccountAndLiteralRoles() throws IOException {
        assertThat(kind.validate("order_approval", withStep("""
                {"id": "open_account", "action": "create_user", "username": "account_name",
                 "displayName": "company_name", "email": "contact_email", "roles": ["dealer"],
                 "dealer": "dealer_code", "org": "region.org", "field": "dealer_account"}"""))).isEmpty();
    }

    @ParameterizedTest(name = "create_user {0} is refused at {1}")
    @CsvSource(delimiter = '|', value = {
            "\"displayName\": \"n\", \"email\": \"e\", \"roles\": [\"dealer\"]                           | /steps/0/username",
            "\"username\": \"u\", \"displayName\": \"n\", \"email\": \"e\", \"roles\": []                 | /steps/0/roles",
            "\"username\": \"u\", \"displayName\": \"n\", \"email\": \"e\", \"roles\": [\"Dealer User\"] | /steps/0/roles/0",
            "\"username\": \"u\", \"displayName\": \"n\", \"email\": \"e\", \"roles\": [\"dealer\"], \"password\": \"p\" | /steps/0/password",
            "\"username\": \"u\", \"displayName\": \"n\", \"email\": \"e +\", \"roles\": [\"dealer\"]     | /steps/0/email",
    })
    void refusesACreateUserStepWithAPointerAtTheFault(String members, String pointer) throws IOException {
        assertThat(kind.validate("order_approval", withStep("{\"id\": \"open\", \"action\": \"create_user\", "
                + members + "}"))).extracting(DefinitionProblem::pointer).containsExactly(pointer);
    }

    @Test
    void acceptsNamesInBothLanguagesAndRefusesOneWithoutEnglish() {
        assertThat(kind.validate("order_approval", ProcessBindingsTest.withNames(
                "{\"region_review\": {\"zh-CN\": \"区域经理审核\", \"en\": \"Region manager review\"}}"))).isEmpty();
        assertThat(kind.validate("order_approval", ProcessBindingsTest.withNames(
                "{\"region_review\": {\"zh-CN\": \"区域经理审核\"}}")))
                .extracting(DefinitionProblem::pointer).containsExactly("/names/region_review/en");
    }

    @Test
    void refusesAKeyOtherThanTheOneItIsSavedUnder() {
        assertThat(kind.validate("refund_approval", fixture("order-approval.flow.json")))
                .extracting(DefinitionProblem::pointer).containsExactly("/key");
    }

    @Test
    void isRegisteredForServiceLoading() {
        assertThat(DefinitionKinds.load().forFileName("order_approval.flow.json"))
                .hasValueSatisfying(k -> {
                    assertThat(k.key()).isEqualTo(FlowBindingKind.KEY);
                    assertThat(k.format()).isEqualTo(DefinitionFormat.JSON);
                });
    }

    private static String withRegionAssignment(String assignment) throws IOException {
        ObjectNode binding = (ObjectNode) JSON.readTree(fixture("order-approval.flow.json"));
        ((ObjectNode) binding.path("tasks").path(0)).set("assignment", JSON.readTree(assignment));
        return binding.toString();
    }

    private static String withStep(String step) throws IOException {
        ObjectNode binding = (ObjectNode) JSON.readTree(fixture("order-approval.flow.json"));
        binding.putArray("steps").add(JSON.readTree(step));
        return binding.toString();
    }

    private static String fixture(String name) {
        return Fixtures.read("binding/" + name);
    }
}
