package io.mosaic.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
import io.mosaic.runtime.security.user.UserService;
import io.mosaic.runtime.support.TestDatabase;

/** First start of a new installation, on a database of its own. */
@ExtendWith(OutputCaptureExtension.class)
class SecurityBootstrapTest {

    private static final Pattern GENERATED = Pattern.compile("password: (\\S+)");

    @Test
    void firstStartCreatesAdminWithAPrintedPasswordAndTheConfiguredOrgsAndDemoUsers(CapturedOutput output) {
        ConfigurableApplicationContext node = new SpringApplicationBuilder(MosaicApplication.class)
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
        try {
            Matcher printed = GENERATED.matcher(output.getOut());
            assertThat(printed.find()).as("the generated password is logged").isTrue();
            int nodePort = Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));

            Browser.Response admin = new Browser(nodePort).login("admin", printed.group(1));
            Browser.Response dealer = new Browser(nodePort).login("dealer1", "dealer-pass-1");

            assertThat(admin.status()).isEqualTo(200);
            assertThat(admin.json().get("admin").asBoolean()).isTrue();
            assertThat(dealer.status()).isEqualTo(200);
            OrgService orgs = node.getBean(OrgService.class);
            OrgUnit east = orgs.findByCode("east").orElseThrow();
            assertThat(east.parentId()).isEqualTo(orgs.findByCode("hq").orElseThrow().id());
            User demo = node.getBean(UserService.class).findByUsername("dealer1").orElseThrow();
            assertThat(demo.orgId()).isEqualTo(east.id());
            assertThat(demo.dealerId()).isEqualTo("D001");
            assertThat(demo.roles()).containsExactly("dealer_staff");
            assertThat(node.getBean(RoleService.class).get("dealer_staff").builtIn()).isFalse();

            long usersBefore = node.getBean(UserService.class).list(null, 0, 1).total();
            node.getBean(SecurityBootstrap.class).run(null);
            assertThat(node.getBean(UserService.class).list(null, 0, 1).total()).isEqualTo(usersBefore);
        } finally {
            node.close();
        }
    }
}
