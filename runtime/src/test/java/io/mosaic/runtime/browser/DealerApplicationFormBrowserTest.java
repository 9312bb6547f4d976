package io.mosaic.runtime.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.mosaic.runtime.security.user.UserRequest;
import io.mosaic.runtime.security.user.UserService;

/**
 * The dms admission application as a region manager files it for a company: the username of the dealer account the
 * approval opens and the contact e-mail its password link goes to, each explained under the field; the account opened
 * is not offered for picking. Screenshot {@code 34-dealer-application-new}.
 */
class DealerApplicationFormBrowserTest extends BrowserTest {

    @Autowired
    UserService users;

    @Test
    void aRegionManagerSeesTheAccountFieldsExplainedAndNoAccountToPick() {
        String manager = "mgr_" + UUID.randomUUID().toString().substring(0, 8);
        users.create(new UserRequest(manager, "Region manager", null, "manager-pass-1", null, null, null,
                List.of("region_manager"), "en", null));
        signIn(manager, "manager-pass-1");

        browser.go(url("/#/apps/dms/form/dealer_application/new"));
        browser.waitForText("body", "Dealer account username");
        assertThat(browser.text("body")).contains("The dealer's account is opened under this username on approval",
                "The link that sets the dealer account's password is sent to this address");
        // The account the approval opens is shown once there is one, never offered for picking.
        assertThat(browser.text("body")).doesNotContain("Dealer account opened");
        browser.type("input[name=contact_email]", "not-an-address");
        browser.screenshot("34-dealer-application-new");
    }
}
