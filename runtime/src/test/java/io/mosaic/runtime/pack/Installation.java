package io.mosaic.runtime.pack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;

import io.mosaic.runtime.MosaicApplication;
import io.mosaic.runtime.notify.OutboxProbe;
import io.mosaic.runtime.security.Browser;
import io.mosaic.runtime.support.TestDatabase;
import io.mosaic.samples.SamplePacks;

/**
 * A whole installation of its own: a runtime node started the way the README's demo start does it (profile
 * {@code demo}: the demo accounts with known passwords), on a fresh database, for tests that upgrade or replace the
 * dealer pack and so must not share the common test context.
 */
final class Installation implements AutoCloseable {

    static final String APP = SamplePacks.DEALER_MANAGEMENT;
    private static final String DEMO_PASSWORD = "Demo@1234";
    private static final String ADMIN_PASSWORD = "Admin@123";

    private final ConfigurableApplicationContext context;
    private final Map<String, Browser> sessions = new HashMap<>();

    private Installation(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts a node on a new database named after {@code purpose}; {@code args} as on the command line. */
    static Installation start(String purpose, String... args) {
        List<String> all = new ArrayList<>(List.of("--server.port=0",
                "--spring.datasource.url=" + TestDatabase.freshUrl(purpose),
                "--spring.datasource.username=" + TestDatabase.user(),
                "--spring.datasource.password=" + TestDatabase.password()));
        all.addAll(List.of(args));
        return new Installation(new SpringApplicationBuilder(MosaicApplication.class).profiles("test", "demo")
                .run(all.toArray(String[]::new)));
    }

    /** A signed-in session of a demo account (or {@code admin}), one per user and installation. */
    Browser as(String username) {
        return sessions.computeIfAbsent(username, name -> {
            Browser browser = new Browser(port());
            Browser.Response login = browser.login(name, name.equals("admin") ? ADMIN_PASSWORD : DEMO_PASSWORD);
            assertThat(login.status()).as("login of " + name + ": " + login.body()).isEqualTo(200);
            return browser;
        });
    }

    /** The body of a response that must have {@code status}; the failure message shows the body. */
    static JsonNode expect(Browser.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        return response.body().isEmpty() ? null : response.json();
    }

    /** Creates a record of the dealer pack as {@code username}, submitted for approval when {@code submit}. */
    long create(String username, String form, String record, boolean submit) {
        return expect(as(username).post("/api/apps/" + APP + "/forms/" + form + "/records" + (submit ? "?submit=true" : ""),
                record), 201).path("id").asLong();
    }

    JsonNode read(String username, String form, long id) {
        return expect(as(username).get("/api/apps/" + APP + "/forms/" + form + "/records/" + id), 200);
    }

    /** The user's open task on the record, claimed if it was offered to several; null when there is none. */
    String todo(String username, String form, long record) {
        for (JsonNode item : expect(as(username).get("/api/flow/inbox/todo?app=" + APP + "&size=100"), 200).path("items")) {
            if (form.equals(item.path("form").asText()) && item.path("recordId").asLong() == record) {
                String task = item.path("taskId").asText();
                if (item.path("candidate").asBoolean()) {
                    expect(as(username).post("/api/flow/tasks/" + task + "/actions/claim", "{}"), 200);
                }
                return task;
            }
        }
        return null;
    }

    void approve(String username, String form, long record) {
        String task = todo(username, form, record);
        assertThat(task).as(username + "'s task on " + form + " " + record).isNotNull();
        expect(as(username).post("/api/flow/tasks/" + task + "/actions/approve", "{}"), 200);
    }

    /** Delivers the outbox's due notifications now rather than at the dispatcher's next poll. */
    void deliverOutbox() {
        OutboxProbe.in(context).settle();
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    ConfigurableApplicationContext context() {
        return context;
    }

    DataSource dataSource() {
        return context.getBean(DataSource.class);
    }

    private int port() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    @Override
    public void close() {
        context.close();
    }
}
