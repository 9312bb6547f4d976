package io.mosaic.runtime.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.mosaic.runtime.security.PasswordLinkMail;
import io.mosaic.runtime.security.user.PasswordLinks;
import io.mosaic.runtime.security.user.UserRequest;

/**
 * The page a mailed one-time link opens: the owner of an account nobody gave a password chooses one while signed
 * out, signs in with it, and cannot use the link again. Screenshots in {@code target/screenshots} (30-…).
 */
class SetPasswordBrowserTest extends BrowserTest {

    @Autowired
    PasswordLinks passwordLinks;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theOwnerOfANewAccountSetsAPasswordFromTheMailedLinkAndSignsInWithIt() throws Exception {
        String username = "acme_" + UUID.randomUUID().toString().substring(0, 8);
        passwordLinks.openAccount(new UserRequest(username, "Acme Trading", username + "@example.com", null, null,
                null, "D900", List.of(), "en", null));
        String link = mailedLink(username);

        browser.openSignedOut(url("/" + link));
        browser.waitFor("input[name=repeated]");
        browser.type("input[name=password]", "Dealer-pass-1");
        browser.type("input[name=repeated]", "Dealer-pass-2");
        browser.waitForText("[data-test=password-problem]", "The two passwords differ.");
        assertThat(browser.waitFor("button[type=submit]").isEnabled()).isFalse();
        browser.screenshot("30-set-password-mismatch");

        browser.type("input[name=repeated]", "Dealer-pass-1");
        browser.click("button[type=submit]");
        browser.waitForText("[data-test=password-set]", "You can now sign in as " + username + ".");
        browser.screenshot("31-set-password-done");

        browser.click("[data-test=password-set] button");
        browser.waitFor("input[name=username]");
        assertThat(browser.value("input[name=username]")).isEqualTo(username);
        browser.type("input[name=password]", "Dealer-pass-1");
        browser.click("button[type=submit]");
        browser.waitFor("[data-test=launcher]");

        browser.openSignedOut(url("/" + link));
        browser.click(".login-language");
        browser.waitForText(".login-card h1", "设置密码");
        browser.type("input[name=password]", "Another-pass-1");
        browser.type("input[name=repeated]", "Another-pass-1");
        browser.click("button[type=submit]");
        browser.waitForText(".login-card .alert-error", "链接已使用或已过期");
        assertThat(browser.text(".login-card .alert-error")).contains("/token");
        browser.screenshot("32-set-password-link-spent-zh");
    }

    @Test
    void anAddressWithoutTheLinksSecretSaysToOpenTheLinkFromTheEMail() {
        browser.openSignedOut(url("/#/set-password"));
        browser.waitForText(".login-card .alert-error", "open this page from the link in the e-mail");
        assertThat(browser.waitFor("button[type=submit]").isEnabled()).isFalse();
    }

    @Test
    void anAdministratorEMailsANewLinkFromTheUsersPage() throws Exception {
        String username = "late_" + UUID.randomUUID().toString().substring(0, 8);
        passwordLinks.openAccount(new UserRequest(username, "Late Dealer", username + "@example.com", null, null,
                null, null, List.of(), "en", null));
        String first = mailedLinks(username).get(0);

        signIn("admin", "admin-test-pw");
        browser.go(url("/#/admin/users"));
        browser.type(".toolbar input[type=search]", username);
        browser.click(".toolbar button[type=submit]");
        browser.waitForCount("tbody tr[data-user]", 1);
        browser.click("[data-user=" + username + "] .row-actions button");
        browser.click("[data-test=send-password-link]");
        browser.waitForText("[data-test=toast]", username + "@example.com");
        browser.screenshot("33-users-password-link-sent");

        assertThat(mailedLinks(username)).hasSize(2).doesNotHaveDuplicates().first().isEqualTo(first);
    }

    /** The route of the one e-mail's link ({@code #/set-password?token=…}) the outbox holds for {@code username}. */
    private String mailedLink(String username) throws Exception {
        assertThat(mailedLinks(username)).hasSize(1);
        return "#/set-password?token=" + mailedLinks(username).get(0);
    }

    private List<String> mailedLinks(String username) throws Exception {
        return PasswordLinkMail.tokensInOutbox(jdbc, username);
    }
}
