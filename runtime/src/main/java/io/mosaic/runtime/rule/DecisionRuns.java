package io.mosaic.runtime.rule;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mosaic.form.formula.Expression;
import io.mosaic.form.formula.Formula;
import io.mosaic.form.formula.FormulaContext;
import io.mosaic.form.formula.FormulaException;
import io.mosaic.form.record.FormulaValue;
import io.mosaic.form.store.Actor;
import io.mosaic.form.store.InvalidRecordException;
import io.mosaic.form.store.ListQuery;
import io.mosaic.form.store.Page;
import io.mosaic.form.store.RecordStore;
import io.mosaic.form.store.RowFilter;
import io.mosaic.form.store.SystemColumns;
import io.mosaic.rule.run.CompiledDecision;
import io.mosaic.rule.run.DecisionResult;
import io.mosaic.runtime.form.FormRecords;
import io.mosaic.runtime.form.RecordQueries;
import io.mosaic.runtime.web.ApiError;
import io.mosaic.runtime.web.ApiException;

/**
 * Period-end runs of a decision table: the records of its form dated in a period, grouped (each dealer's orders),
 * with sums per group; the table decides per group and a result record is written per group into a result form.
 * A run replaces the results an earlier run of the same period wrote, in one transaction, so re-running never
 * duplicates them. Runs go in the background; their progress is read while they run.
 */
@Component
public class DecisionRuns {

    private static final Logger LOG = LoggerFactory.getLogger(DecisionRuns.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE = 200;

    /**
     * What to run: records of the table's form whose {@code dateField} is in [{@code from}, {@code to}], grouped by
     * {@code groupBy} (none: one group per record), {@code sums} naming per group the sum of a field (read by the
     * table's inputs and the result formulas by that name), and the result record's {@code values} as formulas over
     * the group (its sums, the first record's fields, the table's outputs and {@code period}). {@code filters}
     * ({@code field:op:value} as the records list takes them) narrow the records, e.g. to approved orders only.
     */
    public record RunRequest(String period, LocalDate from, LocalDate to, String dateField, String groupBy,
                             List<String> filters, Map<String, String> sums, String resultForm,
                             Map<String, String> values) {
    }

    /** A run's progress, who started it and when. */
    public record Run(long id, String app, String decision, String period, String status, int total, int done,
                      String error, String startedBy, Instant startedAt, Instant endedAt) {
    }

    private final PublishedRules rules;
    private final FormRecords records;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ExecutorService background = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "mosaic-decision-runs");
        thread.setDaemon(true);
        return thread;
    });
    private final Clock clock = Clock.systemUTC();

    DecisionRuns(PublishedRules rules, FormRecords records, JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.rules = rules;
        this.records = records;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
    }

    /** Checks the request, records the run and starts it in the background; answers it as started. */
    public Run start(String app, String decisionKey, RunRequest request, String username, Actor actor) {
        Started started = record(app, decisionKey, request, username);
        background.submit(() -> execute(started.id(), app, decisionKey, started.form(), started.decision(), request,
                actor));
        return run(started.id()).orElseThrow();
    }

    /**
     * Checks the request, records the run and runs it on the caller's thread, for the platform's own work that needs
     * the results before it goes on (the demo data's past quarters); answers it ended, done or failed.
     */
    public Run runNow(String app, String decisionKey, RunRequest request, String username, Actor actor) {
        Started started = record(app, decisionKey, request, username);
        execute(started.id(), app, decisionKey, started.form(), started.decision(), request, actor);
        return run(started.id()).orElseThrow();
    }

    private record Started(long id, String form, CompiledDecision decision) {
    }

    private Started record(String app, String decisionKey, RunRequest request, String username) {
        CompiledDecision decision = rules.decision(app, decisionKey).orElseThrow(() -> ApiException.notFound(
                "Published decision table '" + decisionKey + "'"));
        String form = formOf(app, decisionKey);
        check(request);
        records.latestOrFail(app, form);
        records.latestOrFail(app, request.resultForm());
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO MO_RULE_RUN (app_key, decision, period_key, status, total, done, started_by, started_at) "
                        + "VALUES (?, ?, ?, 'running', 0, 0, ?, ?)")
                .params(app, decisionKey, request.period(), username, Timestamp.from(clock.instant()))
                .update(keys, "id");
        return new Started(keys.getKey().longValue(), form, decision);
    }

    public Optional<Run> run(long id) {
        return jdbc.sql("SELECT * FROM MO_RULE_RUN WHERE id = ?").param(id).query(DecisionRuns::run).optional();
    }

    /** The latest runs of a table, newest first, so that a period's earlier runs can be seen and compared. */
    public List<Run> recent(String app, String decisionKey, int limit) {
        return jdbc.sql("SELECT * FROM MO_RULE_RUN WHERE app_key = ? AND decision = ? ORDER BY id DESC LIMIT ?")
                .params(app, decisionKey, limit).query(DecisionRuns::run).list();
    }

    private static Run run(ResultSet rs, int row) throws SQLException {
        Timestamp ended = rs.getTimestamp("ended_at");
        return new Run(rs.getLong("id"), rs.getString("app_key"), rs.getString("decision"), rs.getString("period_key"),
                rs.getString("status"), rs.getInt("total"), rs.getInt("done"), rs.getString("error"),
                rs.getString("started_by"), rs.getTimestamp("started_at").toInstant(),
                ended == null ? null : ended.toInstant());
    }

    private void execute(long id, String app, String decisionKey, String form, CompiledDecision decision,
                         RunRequest request, Actor actor) {
        try {
            Map<String, List<ObjectNode>> groups = groups(app, form, request);
            jdbc.sql("UPDATE MO_RULE_RUN SET total = ? WHERE id = ?").params(groups.size(), id).update();
            transactions.executeWithoutResult(status -> replaceResults(id, app, decisionKey, form, decision, request,
                    actor, groups));
            jdbc.sql("UPDATE MO_RULE_RUN SET status = 'done', ended_at = ? WHERE id = ?")
                    .params(Timestamp.from(clock.instant()), id).update();
        } catch (RuntimeException e) {
            LOG.warn("Decision run {} of {}/{} failed: {}", id, app, decisionKey, e.getMessage());
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            jdbc.sql("UPDATE MO_RULE_RUN SET status = 'failed', error = ?, ended_at = ? WHERE id = ?")
                    .params(message.length() > 2000 ? message.substring(0, 2000) : message,
                            Timestamp.from(clock.instant()), id).update();
        }
    }

    private void replaceResults(long id, String app, String decisionKey, String form, CompiledDecision decision,
                                RunRequest request, Actor actor, Map<String, List<ObjectNode>> groups) {
        RecordStore results = records.systemStore(app, request.resultForm());
        try {
            for (Long old : jdbc.sql("SELECT record_id FROM MO_RULE_RESULT WHERE app_key = ? AND decision = ? "
                    + "AND period_key = ? AND result_form = ?").params(app, decisionKey, request.period(),
                    request.resultForm()).query(Long.class).list()) {
                Optional<ObjectNode> stored = results.read(old, RowFilter.ALL, Set.of());
                if (stored.isPresent()) {
                    results.delete(old, stored.get().path(SystemColumns.VERSION).intValue(), actor);
                }
            }
            jdbc.sql("DELETE FROM MO_RULE_RESULT WHERE app_key = ? AND decision = ? AND period_key = ? AND result_form = ?")
                    .params(app, decisionKey, request.period(), request.resultForm()).update();
            Map<String, Expression> formulas = new LinkedHashMap<>();
            request.values().forEach((field, formula) -> formulas.put(field, Formula.parse(formula)));
            int done = 0;
            for (List<ObjectNode> group : groups.values()) {
                FormulaContext facts = groupFacts(app, form, group, request);
                DecisionResult result = decision.evaluate(facts);
                if (!result.matchedRows().isEmpty()) {
                    ObjectNode values = JSON.createObjectNode();
                    FormulaContext withOutputs = withOutputs(facts, result.outputs(), request.period());
                    for (Map.Entry<String, Expression> value : formulas.entrySet()) {
                        values.set(value.getKey(), FormulaValue.json(evaluate(value.getValue(), withOutputs)));
                    }
                    long written = results.create(values.toString(), actor, Locale.ENGLISH);
                    jdbc.sql("INSERT INTO MO_RULE_RESULT (app_key, decision, period_key, result_form, record_id) "
                                    + "VALUES (?, ?, ?, ?, ?)")
                            .params(app, decisionKey, request.period(), request.resultForm(), written).update();
                }
                // Progress shows outside this transaction: it is written on a connection of its own.
                done++;
                progress(id, done);
            }
        } catch (InvalidRecordException e) {
            throw new IllegalStateException("A result record was refused: " + e.errors(), e);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot write the results", e);
        }
    }

    private void progress(long id, int done) {
        new TransactionTemplate(transactions.getTransactionManager(),
                new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_REQUIRES_NEW))
                .executeWithoutResult(status -> jdbc.sql("UPDATE MO_RULE_RUN SET done = ? WHERE id = ?")
                        .params(done, id).update());
    }

    private Map<String, List<ObjectNode>> groups(String app, String form, RunRequest request) {
        RecordStore store = records.systemStore(app, form);
        Map<String, List<ObjectNode>> groups = new LinkedHashMap<>();
        String after = null;
        try {
            do {
                List<ListQuery.Filter> filters = new ArrayList<>(List.of(
                        new ListQuery.Filter(request.dateField(), ListQuery.Op.GE, request.from().toString()),
                        new ListQuery.Filter(request.dateField(), ListQuery.Op.LE, request.to().toString())));
                if (request.filters() != null) {
                    request.filters().forEach(text -> filters.add(RecordQueries.filter(text)));
                }
                ListQuery query = ListQuery.firstPage(PAGE).scoped(RowFilter.ALL, Set.of())
                        .withFilters(filters.toArray(ListQuery.Filter[]::new));
                Page page = store.list(after == null ? query : query.after(after));
                for (ObjectNode record : page.records()) {
                    String group = request.groupBy() == null ? record.path(SystemColumns.ID).asText()
                            : record.path(request.groupBy()).asText("");
                    groups.computeIfAbsent(group, key -> new ArrayList<>()).add(record);
                }
                after = page.hasMore() ? page.nextCursor() : null;
            } while (after != null);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot list the records of " + form, e);
        }
        return groups;
    }

    /** A group as formulas read it: each sum by its name, other names from the group's first record. */
    private FormulaContext groupFacts(String app, String form, List<ObjectNode> group, RunRequest request) {
        FormulaContext first = records.factsOf(app, form, group.get(0), clock);
        Map<String, BigDecimal> sums = new HashMap<>();
        if (request.sums() != null) {
            request.sums().forEach((name, field) -> {
                BigDecimal sum = BigDecimal.ZERO;
                for (ObjectNode record : group) {
                    Object value = FormulaValue.of(record.path(field));
                    if (value instanceof Number number) {
                        sum = sum.add(new BigDecimal(number.toString()));
                    }
                }
                sums.put(name, sum);
            });
        }
        return new FormulaContext() {
            @Override
            public boolean has(String path) {
                return sums.containsKey(path) || first.has(path);
            }

            @Override
            public Object value(String path) {
                return sums.containsKey(path) ? sums.get(path) : first.value(path);
            }

            @Override
            public LocalDate today() {
                return first.today();
            }
        };
    }

    private static FormulaContext withOutputs(FormulaContext group, Map<String, Object> outputs, String period) {
        return new FormulaContext() {
            @Override
            public boolean has(String path) {
                return outputs.containsKey(path) || "period".equals(path) || group.has(path);
            }

            @Override
            public Object value(String path) {
                if (outputs.containsKey(path)) {
                    return outputs.get(path);
                }
                return "period".equals(path) ? period : group.value(path);
            }

            @Override
            public LocalDate today() {
                return group.today();
            }
        };
    }

    private static Object evaluate(Expression formula, FormulaContext context) {
        try {
            return formula.evaluate(context);
        } catch (FormulaException e) {
            throw new IllegalStateException("The result formula '" + formula.text() + "' failed: " + e.getMessage(), e);
        }
    }

    private static void check(RunRequest request) {
        List<ApiError.Problem> problems = new ArrayList<>();
        if (request.period() == null || request.period().isBlank() || request.period().length() > 64) {
            problems.add(new ApiError.Problem("/period", "Name the period, e.g. 2026-Q1 (at most 64 characters)"));
        }
        if (request.from() == null || request.to() == null || request.from().isAfter(request.to())) {
            problems.add(new ApiError.Problem("/from", "Give from and to dates, from not after to"));
        }
        if (request.dateField() == null) {
            problems.add(new ApiError.Problem("/dateField", "Name the date field that puts a record in the period"));
        }
        List<String> filters = request.filters() == null ? List.of() : request.filters();
        for (int i = 0; i < filters.size(); i++) {
            try {
                RecordQueries.filter(filters.get(i));
            } catch (ApiException e) {
                problems.add(new ApiError.Problem("/filters/" + i, e.getMessage()));
            }
        }
        if (request.resultForm() == null || request.values() == null || request.values().isEmpty()) {
            problems.add(new ApiError.Problem("/values", "Name the result form and its values"));
        } else {
            request.values().forEach((field, formula) -> {
                try {
                    Formula.parse(formula);
                } catch (FormulaException e) {
                    problems.add(new ApiError.Problem("/values/" + field, e.getMessage()));
                }
            });
        }
        if (!problems.isEmpty()) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "request.invalid", "The run is not complete",
                    problems);
        }
    }

    private String formOf(String app, String decisionKey) {
        try {
            JsonNode definition = JSON.readTree(rules.decisionContent(app, decisionKey));
            return definition.path("form").asText();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
