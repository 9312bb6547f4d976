package io.mosaic.runtime.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mosaic.runtime.pack.PackService;
import io.mosaic.runtime.pack.TestPack;
import io.mosaic.samples.SamplePacks;

/**
 * The workspace shell in headless Chromium against the real runtime: the acceptance scenario of the platform
 * foundation (an admin signs in, creates an org unit and a user in it, creates an API token and uses it with curl,
 * imports the sample pack after its dry-run preview, grants a role access, exports the pack), the server's
 * refusals as the pages show them (wrong password, throttling, 400/409/422 with pointers), what a non-admin may
 * open, and the 390 px phone layout. Screenshots of every step land in {@code target/screenshots}; any script
 * error a page logs fails the test.
 */
@Tag("browser")
class WorkspaceShellBrowserTest extends BrowserTest {

    private static final String ADMIN_PASSWORD = "admin-test-pw";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    PackService packs;

    private final String suffix = Long.toString(System.nanoTime() % 1_000_000_000L, 36);

    @BeforeEach
    void signedOutOnWidePage() {
        browser.desktop();
        browser.openSignedOut(url("/"));
    }

    @Test
    void wrongPasswordShowsTheServersRefusalOnTheLoginPage() {
        browser.type("input[name=username]", "admin");
        browser.type("input[name=password]", "not-the-password");
        browser.click("button[type=submit]");

        browser.waitForText(".login-card .alert-error", "Wrong username or password");
        assertThat(browser.text(".login-card .alert-error")).contains("401");
        browser.screenshot("00-login-wrong-password");
    }

    /** Uses its own username: the server locks a username after five failures (and a client after twenty). */
    @Test
    void throttledSignInShowsHowLongToWait() {
        String guesser = "guess_" + suffix;
        browser.type("input[name=username]", guesser);
        for (int attempt = 1; attempt <= 5; attempt++) {
            browser.type("input[name=password]", "guess-" + attempt);
            browser.click("button[type=submit]");
            browser.waitUntilEmpty("input[name=password]");
        }
        browser.type("input[name=password]", "guess-6");
        browser.click("button[type=submit]");

        browser.waitForText(".login-card .alert-error", "429");
        assertThat(browser.text(".login-card .alert-error")).containsPattern("signing in is paused for now\\. Try again in \\d+ (seconds|minutes)\\.");
        browser.screenshot("00b-login-throttled");
    }

    @Test
    void adminSetsUpOrganisationUserTokenAndPackFromTheWorkspace() throws Exception {
        signInAsAdmin();
        browser.screenshot("01-launcher");

        String company = "Acme " + suffix;
        String region = "East " + suffix;
        createOrgUnit(null, "c" + suffix, company);
        createOrgUnit("c" + suffix, "r" + suffix, region);
        browser.screenshot("02-org-tree");

        String username = "li_" + suffix;
        createUserIn(username, region + " (r" + suffix + ")");
        browser.waitForText("[data-user=" + username + "]", region);
        browser.screenshot("03-users");
        findsAndEditsUser(username);

        refusesToDeleteAnOrgUnitWithMembers("r" + suffix);

        String token = createToken("curl " + suffix);
        assertThat(curlMe(token)).containsEntry("status", "200").containsEntry("username", "admin");
        revokeToken("curl " + suffix);
        assertThat(curlMe(token)).containsEntry("status", "401");

        String app = "dms_" + suffix;
        Path pack = writeSamplePack(app);
        importPackWithPreview(app, pack);
        refusesPacksItCannotInstall(pack, writePack("lying_" + suffix,
                TestPack.app("lying_" + suffix, "1.0.0").form("visit", "title:text").lieAboutChecksum("visit.form.json").zip()));
        opensTheMenuTargetsRecordList(app);
        grantsARoleAccessToTheImportedForm("auditor_" + suffix, app);
        exportsThePack(app);

        switchesLanguageAndKeepsIt();
        signOut();
        analystSeesPacksAndTokensButNoUserAdministration(username);
    }

    @Test
    void launcherPacksAndMenusFitAPhoneScreen() throws IOException {
        browser.emulatePhone(390, 844);
        signInAsAdmin();
        String app = "phone_" + suffix;
        previewPack(writePack(app, TestPack.app(app, "1.0.0").form("visit", "title:text").zip()));
        browser.screenshot("20-phone-pack-preview");
        confirmPack(app, "1.0.0");

        browser.go(url("/#/apps"));
        browser.waitFor("[data-app=" + app + "]");
        browser.screenshot("21-phone-launcher");
        browser.click("[data-app=" + app + "]");
        browser.click(".sidebar-toggle");
        browser.waitFor(".sidebar [data-menu=m_visit]");
        browser.screenshot("22-phone-app-menu-open");
        browser.click(".sidebar [data-menu=m_visit]");
        browser.waitUntilGone(".sidebar [data-menu=m_visit]");
        browser.waitFor("[data-test=record-list] [data-test=no-records]");
        browser.screenshot("23-phone-menu-target");

        browser.go(url("/#/admin/users"));
        browser.click(".sidebar-toggle");
        browser.click(".sidebar .side-nav a[href='#/admin/orgs']");
        browser.waitUntilGone(".sidebar .side-nav");
        browser.waitFor("[data-test=new-root-org]");
        browser.screenshot("24-phone-orgs");
    }

    /** Signs in and picks English, whatever language an earlier test left the admin with. */
    private void signInAsAdmin() {
        browser.type("input[name=username]", "admin");
        browser.type("input[name=password]", ADMIN_PASSWORD);
        browser.click("button[type=submit]");
        browser.waitFor("[data-test=launcher]");
        chooseLanguage("en", "Apps");
    }

    private void chooseLanguage(String locale, String appsInThatLanguage) {
        browser.click("[data-test=user-menu]");
        browser.click("[data-locale=" + locale + "]");
        browser.waitForText(".topnav", appsInThatLanguage);
    }

    private void createOrgUnit(String parentCode, String code, String name) {
        browser.go(url("/#/admin/orgs"));
        if (parentCode == null) {
            browser.click("[data-test=new-root-org]");
        } else {
            browser.click("[data-org=" + parentCode + "] > .tree-row [data-test=add-child]");
        }
        browser.type("[data-test=org-form] input[name=code]", code);
        browser.type("[data-test=org-form] input[name=name]", name);
        browser.click("[data-test=org-form] button[type=submit]");
        browser.waitUntilGone("[data-test=org-form]");
        browser.waitForText("[data-org=" + code + "] > .tree-row", name);
    }

    private void createUserIn(String username, String orgOption) {
        browser.go(url("/#/admin/users"));
        browser.click("[data-test=new-user]");
        browser.type("[data-test=user-form] input[name=username]", username);
        browser.type("[data-test=user-form] input[name=displayName]", "Li Wei " + suffix);
        browser.type("[data-test=user-form] input[name=email]", username + "@example.com");
        browser.type("[data-test=user-form] input[name=password]", "short");
        browser.select("[data-test=user-form] select[name=orgId]", orgOption);
        browser.click("[data-test=user-form] input[data-role=analyst]");
        browser.click("[data-test=user-form] button[type=submit]");

        browser.waitFor("[data-test=user-form] input[name=password][aria-invalid=true]");
        assertThat(browser.text("[data-test=user-form] .alert-error .problems")).contains("/password");
        browser.screenshot("03a-user-form-refused");
        browser.type("[data-test=user-form] input[name=password]", userPassword());
        browser.click("[data-test=user-form] button[type=submit]");
        browser.waitUntilGone("[data-test=user-form]");
    }

    private void findsAndEditsUser(String username) throws IOException {
        browser.type(".toolbar input[type=search]", username);
        browser.click(".toolbar button[type=submit]");
        browser.waitForCount("tbody tr[data-user]", 1);
        browser.waitFor("[data-user=" + username + "]");

        browser.click("[data-user=" + username + "] .row-actions button");
        browser.select("[data-test=user-form] select[name=managerId]", "Administrator (admin)");
        browser.type("[data-test=user-form] input[name=dealerId]", "D042");
        browser.click("[data-test=user-form] button[type=submit]");
        browser.waitUntilGone("[data-test=user-form]");

        Browser.Fetched found = browser.fetch("/api/users?q=" + username);
        assertThat(found.status()).isEqualTo(200);
        JsonNode user = JSON.readTree(found.body()).at("/items/0");
        assertThat(user.get("username").asText()).isEqualTo(username);
        assertThat(user.get("managerId").isNumber()).isTrue();
        assertThat(user.get("dealerId").asText()).isEqualTo("D042");
        assertThat(user.get("roles").toString()).contains("analyst");
    }

    private void refusesToDeleteAnOrgUnitWithMembers(String code) {
        browser.go(url("/#/admin/orgs"));
        browser.click("[data-org=" + code + "] > .tree-row .confirm-button button");
        browser.click("[data-org=" + code + "] > .tree-row [data-confirm]");
        browser.waitFor(".content .alert-error");
        assertThat(browser.text(".content .alert-error")).contains("409");
        assertThat(browser.all("[data-org=" + code + "]")).hasSize(1);
        browser.screenshot("04-org-delete-refused");
    }

    private String createToken(String name) {
        browser.go(url("/#/tokens"));
        browser.type("[data-test=token-form] input[name=name]", name);
        browser.click("[data-test=token-form] button[type=submit]");
        String token = browser.value("[data-test=token-secret] input.secret");
        browser.waitFor("[data-token='" + name + "']");
        browser.screenshot("05-token-created");
        assertThat(token).isNotBlank();
        return token;
    }

    private void revokeToken(String name) {
        browser.click("[data-token='" + name + "'] .confirm-button button");
        browser.click("[data-token='" + name + "'] [data-confirm]");
        browser.waitForText("[data-token='" + name + "']", "revoked");
        browser.screenshot("06-token-revoked");
    }

    /** Calls GET /api/me the way an integration would; answers the HTTP status and, on success, the username. */
    private Map<String, String> curlMe(String token) throws IOException, InterruptedException {
        Process curl = new ProcessBuilder("curl", "-s", "-w", "\n%{http_code}",
                "-H", "Authorization: Bearer " + token, url("/api/me"))
                .redirectErrorStream(true).start();
        String output = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(curl.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String body = output.substring(0, output.lastIndexOf('\n'));
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("status", output.substring(output.lastIndexOf('\n') + 1).trim());
        JsonNode json = JSON.readTree(body);
        if (json.has("username")) answer.put("username", json.get("username").asText());
        return answer;
    }

    private void importPackWithPreview(String app, Path pack) {
        previewPack(pack);
        assertThat(browser.waitFor(".progress [role=progressbar]").getDomAttribute("aria-valuenow")).isEqualTo("100");
        String version = sampleVersion();
        assertThat(browser.text(".plan .facts")).contains(app).contains("fresh install").contains(version);
        assertThat(browser.text("[data-test=plan-changes]")).contains("dealer", "order_approval", "add");
        browser.screenshot("07-pack-preview");
        assertThat(browser.fetch("/api/apps/" + app).status()).as("the dry run wrote nothing").isEqualTo(404);

        confirmPack(app, version);
        browser.waitFor("[data-export=" + app + "]");
        browser.screenshot("08-pack-installed");
    }

    private void previewPack(Path pack) {
        browser.go(url("/#/admin/packs"));
        browser.attach("input[name=pack]", pack);
        browser.click("[data-test=preview-pack]");
        browser.waitFor(".plan[data-stage=previewed]");
    }

    private void confirmPack(String app, String version) {
        browser.click("[data-test=confirm-pack]");
        browser.waitForText("[data-test=pack-applied]", "Installed " + app + " " + version);
    }

    /** The version the sample pack's manifest declares, which the pack's own changes move on. */
    private static String sampleVersion() {
        try {
            return JSON.readTree(SamplePacks.content(SamplePacks.DEALER_MANAGEMENT, "app.json")).path("version").asText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The server's refusals reach the page with their code and each problem's pointer. */
    private void refusesPacksItCannotInstall(Path installedAlready, Path lyingChecksum) {
        browser.click("[data-test=reset-pack]");
        browser.attach("input[name=pack]", installedAlready);
        browser.click("[data-test=preview-pack]");
        browser.waitForText(".content .alert-error", "409");
        browser.screenshot("08a-pack-same-version-refused");

        browser.attach("input[name=pack]", lyingChecksum);
        browser.click("[data-test=preview-pack]");
        browser.waitForText(".content .alert-error", "422");
        assertThat(browser.text(".content .alert-error .problems")).contains("visit.form.json");
        browser.screenshot("08b-pack-checksum-refused");
    }

    private void opensTheMenuTargetsRecordList(String app) {
        browser.go(url("/#/apps"));
        browser.click("[data-app=" + app + "]");
        browser.click(".sidebar [data-menu=dealers]");
        browser.waitForText("[data-test=record-list] h1", "Dealers");
        browser.waitFor("[data-test=no-records]");
        browser.screenshot("09-app-menu-target");
    }

    private void grantsARoleAccessToTheImportedForm(String role, String app) throws IOException {
        browser.go(url("/#/admin/roles"));
        browser.click("[data-test=new-role]");
        browser.type("[data-test=role-form] input[name=key]", role);
        browser.type("[data-test=role-form] input[name=nameZh]", "审计 " + suffix);
        browser.type("[data-test=role-form] input[name=nameEn]", "Auditor " + suffix);
        browser.click("[data-test=role-form] button[type=submit]");
        browser.click("[data-role=" + role + "] [data-test=edit-role]");
        browser.click("[data-test=role-edit] [data-test=add-grant]");
        browser.select("[data-test=role-edit] .grant-card select[name=app]", "Dealer management (" + app + ")");
        browser.type("[data-test=role-edit] .grant-card input[name=form]", "dealer");
        browser.click("[data-test=role-edit] .grant-card input[data-action=create]");
        browser.select("[data-test=role-edit] .grant-card select[name=rowScope]", "Own unit and below");
        browser.click("[data-test=role-edit] .grant-card [data-test=add-field-rule]");
        browser.type("[data-test=role-edit] .grant-card input[name=fieldKey]", "credit_limit");
        browser.select("[data-test=role-edit] .grant-card select[name=fieldMode]", "Read-only");
        browser.screenshot("10-role-grant-editor");
        browser.click("[data-test=role-edit] button[type=submit]");
        browser.waitUntilGone("[data-test=role-edit]");
        browser.waitForText("[data-role=" + role + "]", app + "/dealer");

        JsonNode saved = JSON.readTree(browser.fetch("/api/roles/" + role).body()).at("/grants/0");
        assertThat(saved.get("app").asText()).isEqualTo(app);
        assertThat(saved.get("actions").toString()).contains("create", "read");
        assertThat(saved.get("rowScope").asText()).isEqualTo("org_subtree");
        assertThat(saved.at("/fields/credit_limit").asText()).isEqualTo("read_only");
        browser.screenshot("11-roles");
    }

    private void exportsThePack(String app) throws IOException {
        browser.go(url("/#/admin/packs"));
        browser.click("[data-export=" + app + "] [data-test=export-pack]");
        Path download = browser.waitForDownload(".zip");
        try (ZipFile zip = new ZipFile(download.toFile())) {
            assertThat(zip.stream().map(ZipEntry::getName))
                    .contains("manifest.json", "app.json", "dealer.form.json", "order_approval.bpmn20.xml");
            JsonNode manifest = JSON.readTree(zip.getInputStream(zip.getEntry("manifest.json")));
            assertThat(manifest.get("key").asText()).isEqualTo(app);
        }
        browser.screenshot("12-pack-exported");
    }

    private void switchesLanguageAndKeepsIt() {
        chooseLanguage("zh-CN", "应用");
        browser.waitUntil(() -> browser.fetch("/api/me").body().contains("\"locale\":\"zh-CN\""));
        browser.go(url("/#/apps"));
        browser.reload();
        browser.waitForText(".page-header h1", "我的应用");
        browser.screenshot("13-launcher-zh");
        chooseLanguage("en", "Apps");
    }

    private void signOut() {
        browser.click("[data-test=user-menu]");
        browser.click("[data-test=logout]");
        browser.waitFor(".login-card");
        assertThat(browser.fetch("/api/me").status()).isEqualTo(401);
        browser.screenshot("14-signed-out");
    }

    private static Path writePack(String app, byte[] zip) throws IOException {
        return Files.write(Files.createTempDirectory("mosaic-pack").resolve(app + "-1.0.0.zip"), zip);
    }

    /**
     * The shipped dealer-management pack under a key of this run: the runtime installs the sample itself on
     * first start, and this import has to be a fresh install.
     */
    private Path writeSamplePack(String app) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String file : SamplePacks.files(SamplePacks.DEALER_MANAGEMENT)) {
            files.put(file, SamplePacks.content(SamplePacks.DEALER_MANAGEMENT, file).getBytes(StandardCharsets.UTF_8));
        }
        ObjectNode manifest = (ObjectNode) JSON.readTree(files.get("app.json"));
        manifest.put("key", app);
        files.put("app.json", JSON.writeValueAsBytes(manifest));
        return writePack(app, packs.pack(files));
    }

    private void analystSeesPacksAndTokensButNoUserAdministration(String username) {
        browser.type("input[name=username]", username);
        browser.type("input[name=password]", userPassword());
        browser.click("button[type=submit]");
        browser.waitFor("[data-test=launcher]");
        browser.click(".topnav a[href='#/admin/packs']");
        browser.waitFor("[data-test=preview-pack]");
        assertThat(browser.all(".side-nav a")).extracting(link -> link.getDomAttribute("href"))
                .containsExactly("#/tokens", "#/admin/packs");
        browser.screenshot("15-analyst-packs");

        browser.go(url("/#/admin/users"));
        browser.waitFor("[data-test=forbidden]");
        browser.screenshot("16-analyst-users-refused");
    }

    private String userPassword() {
        return "a-long-password-" + suffix;
    }
}
