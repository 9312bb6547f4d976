package io.mosaic.bench;

import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The same two-level approval written by hand on the same Flowable engine: a BPMN with the reviewers as literal
 * assignees and the condition as JUEL, the claim as a row of a plain table with the platform's columns and indexes, started
 * and completed through {@link RuntimeService} and {@link TaskService}; each step is one transaction of the
 * application's transaction manager, as each of the platform's calls is.
 */
final class HandWrittenApprovals {

    private static final String PROCESS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:flowable="http://flowable.org/bpmn"
                         targetNamespace="http://mosaic.io/bench">
              <process id="hand_written_approval" name="Claim approval" isExecutable="true">
                <startEvent id="start"/>
                <sequenceFlow id="to_first" sourceRef="start" targetRef="first_review"/>
                <userTask id="first_review" name="Manager review" flowable:assignee="%s"/>
                <sequenceFlow id="to_check" sourceRef="first_review" targetRef="amount_check"/>
                <exclusiveGateway id="amount_check" default="small"/>
                <sequenceFlow id="large" sourceRef="amount_check" targetRef="second_review">
                  <conditionExpression>${amount > 100}</conditionExpression>
                </sequenceFlow>
                <sequenceFlow id="small" sourceRef="amount_check" targetRef="end"/>
                <userTask id="second_review" name="Director review" flowable:assignee="%s"/>
                <sequenceFlow id="to_end" sourceRef="second_review" targetRef="end"/>
                <endEvent id="end"/>
              </process>
            </definitions>
            """.formatted(PlatformApprovals.MANAGER, PlatformApprovals.DIRECTOR);

    /** The columns and indexes the platform's form table has: its system columns, then the claim's fields. */
    private static final List<String> TABLE = List.of("""
            CREATE TABLE bench_claim (
              id BIGINT AUTO_INCREMENT NOT NULL PRIMARY KEY,
              version INT, owner_id BIGINT, org_id BIGINT, dealer_id VARCHAR(64),
              created_by BIGINT, created_at DATETIME(3), updated_by BIGINT, updated_at DATETIME(3), deleted_at DATETIME(3),
              workflow_status VARCHAR(32), process_instance_id VARCHAR(64), form_version INT,
              title VARCHAR(255), amount BIGINT, note VARCHAR(255))""",
            "CREATE INDEX bench_claim_owner ON bench_claim (owner_id)",
            "CREATE INDEX bench_claim_org ON bench_claim (org_id)",
            "CREATE INDEX bench_claim_dealer ON bench_claim (dealer_id)");

    private final JdbcTemplate jdbc;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final TransactionTemplate transaction;
    private final long userId;

    private HandWrittenApprovals(JdbcTemplate jdbc, RuntimeService runtime, TaskService tasks,
                                 TransactionTemplate transaction, long userId) {
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.tasks = tasks;
        this.transaction = transaction;
        this.userId = userId;
    }

    /** Creates the table and deploys the process; the claims are filed as {@code userId}. */
    static HandWrittenApprovals setUp(BenchRuntime app, long userId) {
        JdbcTemplate jdbc = new JdbcTemplate(app.bean(DataSource.class));
        TABLE.forEach(jdbc::execute);
        app.bean(RepositoryService.class).createDeployment().name("hand_written_approval")
                .addString("hand_written_approval.bpmn20.xml", PROCESS)
                // As the platform deploys: Flowable's XSD check refuses a formatted condition.
                .disableSchemaValidation().deploy();
        return new HandWrittenApprovals(jdbc, app.bean(RuntimeService.class), app.bean(TaskService.class),
                new TransactionTemplate(app.bean(PlatformTransactionManager.class)), userId);
    }

    /** Files one claim and has both reviewers approve it; answers its id. */
    long approveOne(String title, long amount, String note) {
        long id = transaction.execute(status -> {
            long claim = insert(title, amount, note);
            String instance = runtime.startProcessInstanceByKey("hand_written_approval", businessKey(claim),
                    Map.of("amount", amount)).getId();
            jdbc.update("UPDATE bench_claim SET process_instance_id = ? WHERE id = ?", instance, claim);
            return claim;
        });
        complete(id, PlatformApprovals.MANAGER, false);
        complete(id, PlatformApprovals.DIRECTOR, true);
        return id;
    }

    private void complete(long claim, String assignee, boolean last) {
        Task task = PlatformApprovals.nextTask(tasks, businessKey(claim));
        if (task == null || !assignee.equals(task.getAssignee())) {
            throw new IllegalStateException("Claim " + claim + " has no task for " + assignee + ": " + task);
        }
        transaction.executeWithoutResult(status -> {
            tasks.complete(task.getId());
            if (last) {
                jdbc.update("UPDATE bench_claim SET workflow_status = 'approved', updated_by = ?, updated_at = ? "
                        + "WHERE id = ?", userId, Timestamp.from(Instant.now()), claim);
            }
        });
    }

    private long insert(String title, long amount, String note) {
        Timestamp now = Timestamp.from(Instant.now());
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(c -> {
            PreparedStatement insert = c.prepareStatement("INSERT INTO bench_claim (version, owner_id, created_by, "
                    + "created_at, updated_by, updated_at, workflow_status, form_version, title, amount, note) "
                    + "VALUES (1, ?, ?, ?, ?, ?, 'in_approval', 1, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS);
            insert.setLong(1, userId);
            insert.setLong(2, userId);
            insert.setTimestamp(3, now);
            insert.setLong(4, userId);
            insert.setTimestamp(5, now);
            insert.setString(6, title);
            insert.setLong(7, amount);
            insert.setString(8, note);
            return insert;
        }, key);
        return key.getKey().longValue();
    }

    private static String businessKey(long claim) {
        return "bench_claim/" + claim;
    }
}
