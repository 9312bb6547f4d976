package io.mosaic.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import io.mosaic.runtime.MosaicApplication;
import io.mosaic.runtime.security.bootstrap.SecurityBootstrap;
import io.mosaic.runtime.security.org.OrgService;
import io.mosaic.runtime.security.org.OrgUnit;
import io.mosaic.runtime.security.role.RoleService;
import io.mosaic.runtime.security.user.User;
import io.mosaic.runtime.security.user.UserRequest;
import io.mosaic.runtime.security.user.UserService;
import io.mosaic.runtime.support.TestDatabase;
import io.mosaic.runtime.web.ApiException;

/** First start of a new installation, on a database of its own (so it is the only administrator). */
@ExtendWith(OutputCaptureExtension.class)
class SecurityBootstrapTest {

    private static final Pattern GENERATED = Pattern.compile("password: (\\S+)");

    private static ConfigurableApplicationContext node;
    private static String startOutput;

    @BeforeAll
    static void firstStart(CapturedOutput output) {
        node = new SpringApplicationBuilder(MosaicApplication.class)
                .profiles("test")
                .run("--server.port=0", "--spring.datasource.url=" + TestDatabase.freshUrl("bootstrap"),
                        "--spring.datasource.username=" + TestDatabase.user(),
                        "--spring.datasource.password=" + TestDatabase.password(),
                        "--mosaic.bootstrap.admin-password=",
                        "--mosaic.bootstrap.orgs[0].code=hq", "--mosaic.bootstrap.orgs[0].name=总部",
                        "--mosaic.bootstrap.orgs[0].type=company",
                        "--mosaic.bootstrap.orgs[1].code=east", "--mosaic.bootstrap.orgs[1].name=华东区",
                        "--mosaic.bootstrap.orgs[1].type=region", "--mosaic.bootstrap.orgs[1].parent=hq",
                        "--mosaic.bootstrap.demo-users[0].username=dealer1",
                        "--mosaic.bootstrap.demo-users[0].password=dealer-pass-1",
                        "--mosaic.bootstrap.demo-users[0].displayName=经销商一",
                        "--mosaic.bootstrap.demo-users[0].roles[0]=dealer_staff",
                        "--mosaic.bootstrap.demo-users[0].org=east",
                        "--mosaic.bootstrap.demo-users[0].dealerId=D001",
                        "--mosaic.bootstrap.demo-users[0].locale=zh-CN");
        startOutput = output.getOut();
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void createsTheAdministratorWithAPasswordPrintedOnce() {
        Matcher printed = GENERATED.matcher(startOutput);
        assertThat(printed.find()).as("the generated password is logged").isTrue();

        Browser.Response admin = new Browser(port()).login("admin", printed.group(1));

        assertThat(admin.status()).isEqualTo(200);
        assertThat(admin.json().get("admin").asBoolean()).isTrue();
        assertThat(printed.find()).as("printed only once").isFalse();
    }

    @Test
    void createsTheConfiguredOrgUnitsAndDemoUsers() {
        OrgService orgs = node.getBean(OrgService.class);
        OrgUnit east = orgs.findByCode("east").orElseThrow();
        User demo = node.getBean(UserService.class).findByUsername("dealer1").orElseThrow();

        assertThat(east.parentId()).isEqualTo(orgs.findByCode("hq").orElseThrow().id());
        assertThat(demo.orgId()).isEqualTo(east.id());
        assertThat(demo.dealerId()).isEqualTo("D001");
        assertThat(demo.roles()).containsExactly("dealer_staff");
        assertThat(node.getBean(RoleService.class).get("dealer_staff").builtIn()).isFalse();
        assertThat(new Browser(port()).login("dealer1", "dealer-pass-1").status()).isEqualTo(200);
    }

    @Test
    void laterStartsCreateNothing() throws Exception {
        UserService users = node.getBean(UserService.class);
        long before = users.list(null, 0, 1).total();

        node.getBean(SecurityBootstrap.class).run(null);

        assertThat(users.list(null, 0, 1).total()).isEqualTo(before);
    }

    @Test
    void theLastEnabledAdministratorCannotBeDisabledOrDemoted() {
        UserService users = node.getBean(UserService.class);
        User admin = users.findByUsername("admin").orElseThrow();

        assertThatThrownBy(() -> users.update(admin.id(), new UserRequest("admin", "Administrator", null, null, null,
                null, null, List.of("admin"), null, false)))
                .isInstanceOf(ApiException.class).hasMessageContaining("last enabled administrator");
        assertThatThrownBy(() -> users.update(admin.id(), new UserRequest("admin", "Administrator", null, null, null,
                null, null, List.of("analyst"), null, true)))
                .isInstanceOf(ApiException.class);
        assertThat(users.get(admin.id()).roles()).containsExactly("admin");
        assertThat(users.get(admin.id()).enabled()).isTrue();
    }

    private static int port() {
        return Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
    }
}
