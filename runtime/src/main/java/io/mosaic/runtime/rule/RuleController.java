package io.mosaic.runtime.rule;

import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mosaic.api.security.FormAction;
import io.mosaic.form.formula.FormulaContext;
import io.mosaic.form.store.Actor;
import io.mosaic.form.store.RowFilter;
import io.mosaic.rule.api.DecisionTableKind;
import io.mosaic.rule.api.RuleSetKind;
import io.mosaic.rule.run.CompiledDecision;
import io.mosaic.rule.run.CompiledRules;
import io.mosaic.rule.run.DecisionResult;
import io.mosaic.rule.run.RuleCompileException;
import io.mosaic.rule.run.RuleEvaluationException;
import io.mosaic.rule.run.RuleFacts;
import io.mosaic.rule.run.RuleRun;
import io.mosaic.rule.run.RuleRunawayException;
import io.mosaic.runtime.form.FormRecords;
import io.mosaic.runtime.metadata.Definition;
import io.mosaic.runtime.metadata.MetadataService;
import io.mosaic.runtime.security.CurrentUser;
import io.mosaic.runtime.security.MosaicUser;
import io.mosaic.runtime.web.ApiError;
import io.mosaic.runtime.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Simulations of rule sets and decision tables (analysts and admins): what they would do to a record, with no side
 * effect; and decision tables' period runs, which also those may start who read every record of the table's form
 * and create records of the result form (finance closing a quarter).
 */
@Tag(name = "Rules", description = "Simulate rule sets and decision tables, run tables over a period")
@RestController
@RequestMapping("/api/apps/{app}")
public class RuleController {

    private static final String DESIGNERS = "hasAnyRole('admin','analyst')";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RuleRecordFinder finder;
    private final MetadataService metadata;
    private final PublishedRules rules;
    private final FormRecords records;
    private final DecisionRuns runs;
    private final Clock clock = Clock.systemUTC();

    RuleController(MetadataService metadata, PublishedRules rules, FormRecords records, DecisionRuns runs,
                   RuleRecordFinder finder) {
        this.finder = finder;
        this.metadata = metadata;
        this.runs = runs;
        this.rules = rules;
        this.records = records;
    }

    /** A sample record ({@code record}) or a stored one ({@code recordId}); {@code draft} simulates the draft. */
    public record Simulation(ObjectNode record, Long recordId, Map<String, Object> inputs, boolean draft) {
    }

    @Operation(summary = "Run a rule set on a sample or stored record with no side effect: the rules that fired and "
            + "their effects")
    @PostMapping("/rules/{key}/simulate")
    @PreAuthorize(DESIGNERS)
    Map<String, Object> simulateRules(@PathVariable String app, @PathVariable String key,
                                      @RequestBody Simulation simulation) {
        CompiledRules compiled = compile(() -> {
            Definition definition = metadata.definition(app, RuleSetKind.KEY, key);
            if (simulation.draft() || definition.publishedVersion() == null) {
                return rules.draft(app, key, definition.content());
            }
            return rules.compiled(metadata.latestPublished(app, RuleSetKind.KEY, key).orElseThrow());
        });
        ObjectNode record = record(app, compiled.form(), simulation);
        RuleRun run;
        try {
            run = compiled.run(new RuleFacts(records.factsOf(app, compiled.form(), record, clock), RuleHooks
                    .changedFields(record, null), Map.of(), clock.instant(),
                    finder.of(app, RuleRecordFinder.selfId(record, null), clock)));
        } catch (RuleEvaluationException e) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "rule.failed", e.getMessage(),
                    List.of(new ApiError.Problem(e.pointer(), e.getMessage())));
        } catch (RuleRunawayException e) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "rule.runaway", e.getMessage(),
                    List.of(new ApiError.Problem(e.rule(), e.getMessage())));
        }
        return Map.of("fired", run.fired());
    }

    @Operation(summary = "Evaluate a decision table on inputs, a sample or a stored record: matched rows and outputs")
    @PostMapping("/decisions/{key}/simulate")
    @PreAuthorize(DESIGNERS)
    Map<String, Object> simulateDecision(@PathVariable String app, @PathVariable String key,
                                         @RequestBody Simulation simulation) {
        Definition definition = metadata.definition(app, DecisionTableKind.KEY, key);
        CompiledDecision decision = compile(() -> simulation.draft() || definition.publishedVersion() == null
                ? rules.draftDecision(app, key, definition.content())
                : rules.decision(app, key).orElseThrow());
        DecisionResult result;
        if (simulation.inputs() != null) {
            result = decision.evaluate(simulation.inputs());
        } else {
            String form = formOf(definition.content());
            FormulaContext facts = records.factsOf(app, form, record(app, form, simulation), clock);
            result = decision.evaluate(facts);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("matchedRows", result.matchedRows());
        answer.put("outputs", result.outputs());
        return answer;
    }

    @Operation(summary = "Run a published decision table over a period's records in the background, replacing the "
            + "results an earlier run of the period wrote: 202 with the run and its progress")
    @PostMapping("/decisions/{key}/runs")
    ResponseEntity<DecisionRuns.Run> startRun(@PathVariable String app, @PathVariable String key,
                                                                      @RequestBody DecisionRuns.RunRequest request,
                                                                      Authentication user) {
        checkMayRun(app, key, user);
        if (request.resultForm() != null && !designer(user)) {
            records.access(app, request.resultForm(), user, FormAction.CREATE);
        }
        MosaicUser principal = CurrentUser.principal(user);
        DecisionRuns.Run run = runs.start(app, key, request, user.getName(),
                new Actor(principal.id(), principal.orgId(), principal.dealerId()));
        return ResponseEntity.accepted().body(run);
    }

    @Operation(summary = "The table's latest period runs, newest first (limit 1 to 100, default 20)")
    @GetMapping("/decisions/{key}/runs")
    List<DecisionRuns.Run> runs(@PathVariable String app, @PathVariable String key,
                                @RequestParam(defaultValue = "20") int limit, Authentication user) {
        checkMayRun(app, key, user);
        if (limit < 1 || limit > 100) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "request.invalid", "limit from 1 to 100",
                    List.of(new ApiError.Problem("limit", "out of range")));
        }
        return runs.recent(app, key, limit);
    }

    @Operation(summary = "A decision run's progress: status running, done or failed, groups done of total, the error")
    @GetMapping("/decisions/{key}/runs/{id}")
    DecisionRuns.Run run(@PathVariable String app, @PathVariable String key, @PathVariable long id,
                         Authentication user) {
        checkMayRun(app, key, user);
        return runs.run(id).filter(run -> run.app().equals(app) && run.decision().equals(key))
                .orElseThrow(() -> ApiException.notFound("Run " + id));
    }

    private static boolean designer(Authentication user) {
        return user.getAuthorities().stream().anyMatch(authority -> authority.getAuthority().equals("ROLE_admin")
                || authority.getAuthority().equals("ROLE_analyst"));
    }

    /**
     * A run reads every record of the table's form in the period, whatever the starter's row scope, and its results
     * show sums of them: beside analysts and admins, only those who read all of the form's records and fields may
     * start or follow one (404 without read access, 403 with a narrower one).
     */
    private void checkMayRun(String app, String key, Authentication user) {
        if (designer(user)) {
            return;
        }
        String form = formOf(rules.decision(app, key).map(table -> rules.decisionContent(app, key))
                .orElseThrow(() -> ApiException.notFound("Published decision table '" + key + "'")));
        FormRecords.Access access = records.access(app, form, user, FormAction.READ);
        if (!access.permission().seesAllRows() || !access.hidden().isEmpty()) {
            throw new ApiException(HttpStatus.FORBIDDEN, "auth.forbidden", "A period run reads every record of form '"
                    + form + "'; you may read only some of them");
        }
    }

    private ObjectNode record(String app, String form, Simulation simulation) {
        if (simulation.recordId() != null) {
            try {
                return records.systemStore(app, form).read(simulation.recordId(), RowFilter.ALL, Set.of())
                        .orElseThrow(() -> FormRecords.notFound(simulation.recordId()));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        if (simulation.record() == null) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "request.invalid", "Give a sample record or a record id",
                    List.of(new ApiError.Problem("/record", "a record's values, or recordId")));
        }
        return simulation.record();
    }

    private static String formOf(String decisionJson) {
        try {
            JsonNode form = JSON.readTree(decisionJson).path("form");
            return form.asText();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Compile<T> {
        T run();
    }

    private static <T> T compile(Compile<T> work) {
        try {
            return work.run();
        } catch (RuleCompileException e) {
            throw ApiException.invalidDefinition("The definition does not compile", e.problems());
        }
    }
}
