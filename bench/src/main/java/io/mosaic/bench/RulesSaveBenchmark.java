package io.mosaic.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.security.core.Authentication;

import io.mosaic.api.app.AppManifest;
import io.mosaic.api.security.FormAction;
import io.mosaic.runtime.form.FormRecords;
import io.mosaic.runtime.metadata.MetadataService;
import io.mosaic.runtime.security.role.RoleService;
import io.mosaic.runtime.security.user.User;
import io.mosaic.runtime.security.user.UserRequest;
import io.mosaic.runtime.security.user.UserService;

/**
 * {@code rules-save}: what ten before-save rules add to a record's save. The same order is saved through the
 * platform's record path (as the REST API saves it: the user's access, the store, the save hooks) into a form with a
 * before-save rule set of ten rules (conditions over the record, two of which set fields), against a twin form with
 * no rules, in one runtime on one database.
 */
final class RulesSaveBenchmark implements Benchmark {

    private static final String APP = "benchrules";
    private static final String ROLE = "bench_rules_clerk";

    private int sequence;

    @Override
    public String name() {
        return "rules-save";
    }

    @Override
    public Result run(boolean quick) throws Exception {
        int saves = quick ? 300 : 3_000;
        int rounds = 5;
        int warmup = quick ? 100 : 500;
        try (BenchDatabase database = BenchDatabase.open(name(), false);
             BenchRuntime runtime = BenchRuntime.start(database, Path.of("bench/target/bench-files").toAbsolutePath())) {
            Authentication clerk = setUp(runtime);
            FormRecords records = runtime.bean(FormRecords.class);
            Stopwatch.Task withRules = () -> (int) save(records, clerk, "ruled");
            Stopwatch.Task withoutRules = () -> (int) save(records, clerk, "plain");
            Stopwatch.Pair micros = Stopwatch.compare(withRules, withoutRules, warmup, rounds, saves / rounds);
            List<String> notes = new ArrayList<>();
            notes.add(String.format(Locale.ROOT, "%,d saves a side with 10 before-save rules vs none, after %,d to warm up, "
                    + "on %s", saves, warmup, database.description()));
            return new Result(micros.platformMicros() / 1_000, micros.baselineMicros() / 1_000, "ms/save", notes);
        }
    }

    private long save(FormRecords records, Authentication clerk, String form) throws Exception {
        int n = ++sequence;
        String order = """
                {"customer": "Dealer %d", "total": %d, "discount": %d, "region": "%s", "channel": "web"}"""
                .formatted(n, 1_000 + (n * 37) % 90_000, n % 20, n % 2 == 0 ? "east" : "north");
        FormRecords.Access access = records.access(APP, form, clerk, FormAction.CREATE);
        return access.store().create(order, access.actor(), Locale.ENGLISH);
    }

    private static Authentication setUp(BenchRuntime runtime) throws Exception {
        MetadataService metadata = runtime.bean(MetadataService.class);
        String manifest = """
                {"key": "%s", "name": {"zh-CN": "规则", "en": "Rules"}, "version": "1.0.0", "platform": ">=0.1.0",
                 "roles": [{"key": "%s", "name": {"zh-CN": "员工", "en": "Clerk"},
                            "grants": [{"form": "*", "actions": ["create", "read", "update"], "rowScope": "own"}]}],
                 "definitions": [{"kind": "form", "key": "ruled"}, {"kind": "form", "key": "plain"}]}"""
                .formatted(APP, ROLE);
        metadata.createApp(APP, manifest, "bench");
        runtime.bean(RoleService.class).upsertAppRoles(APP, AppManifest.read(manifest).roles());
        for (String form : List.of("ruled", "plain")) {
            metadata.publishContent(APP, "form", form, """
                    {"key": "%s", "name": {"zh-CN": "订单", "en": "Order"},
                     "fields": [{"key": "customer", "type": "text", "label": {"zh-CN": "客户", "en": "Customer"}},
                                {"key": "total", "type": "integer", "label": {"zh-CN": "合计", "en": "Total"}},
                                {"key": "discount", "type": "integer", "label": {"zh-CN": "折扣", "en": "Discount"}},
                                {"key": "region", "type": "text", "label": {"zh-CN": "区域", "en": "Region"}},
                                {"key": "channel", "type": "text", "label": {"zh-CN": "渠道", "en": "Channel"}},
                                {"key": "band", "type": "text", "label": {"zh-CN": "档", "en": "Band"}},
                                {"key": "flag", "type": "text", "label": {"zh-CN": "标记", "en": "Flag"}}]}"""
                    .formatted(form), null, "bench");
        }
        metadata.publishContent(APP, "rules", "ten_checks", tenRules(), null, "bench");
        UserService users = runtime.bean(UserService.class);
        User clerk = users.create(new UserRequest("bench_rules_clerk_user", "Clerk", null, "bench-password-1", null, null,
                null, List.of(ROLE), "en", null));
        return PlatformApprovals.signedIn(users, clerk);
    }

    private static String tenRules() {
        StringBuilder rules = new StringBuilder();
        for (int i = 0; i < 10; i++) {
            String condition = switch (i % 5) {
                case 0 -> "{\"field\": \"total\", \"op\": \"gt\", \"value\": " + (80_000 + i) + "}";
                case 1 -> "{\"field\": \"discount\", \"op\": \"gte\", \"value\": " + (15 + i) + "}";
                case 2 -> "{\"all\": [{\"field\": \"region\", \"op\": \"eq\", \"value\": \"east\"}, "
                        + "{\"field\": \"total\", \"op\": \"lt\", \"value\": " + (2_000 + i) + "}]}";
                case 3 -> "{\"expression\": \"total * discount / 100 > " + (5_000 + i) + "\"}";
                default -> "{\"field\": \"channel\", \"op\": \"in\", \"value\": [\"fax\", \"mail" + i + "\"]}";
            };
            String action = i == 0 ? "{\"type\": \"set_field\", \"field\": \"band\", \"value\": \"big\"}"
                    : i == 1 ? "{\"type\": \"set_field\", \"field\": \"flag\", \"value\": \"discount\"}"
                    : "{\"type\": \"set_field\", \"field\": \"flag\", \"value\": \"r" + i + "\"}";
            rules.append(i == 0 ? "" : ",").append("""
                    {"key": "r%d", "name": {"zh-CN": "规则%d", "en": "Rule %d"}, "condition": %s, "actions": [%s]}"""
                    .formatted(i, i, i, condition, action));
        }
        return """
                {"key": "ten_checks", "name": {"zh-CN": "十条", "en": "Ten checks"}, "form": "ruled",
                 "trigger": {"type": "before_save"}, "rules": [%s]}""".formatted(rules);
    }
}
