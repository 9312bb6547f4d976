package io.mosaic.runtime.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;

import io.mosaic.api.definition.LocalizedText;
import io.mosaic.runtime.security.SecurityTestSupport;
import io.mosaic.runtime.security.user.User;
import io.mosaic.runtime.security.user.UserRequest;

/** E-mail to a real SMTP server in the test JVM (GreenMail on 127.0.0.1:3025, as application-test.yml says). */
class NotificationEmailTest extends SecurityTestSupport {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired
    Notifications notifications;

    @Autowired
    OutboxDispatcher dispatcher;

    @Autowired
    Outbox outbox;

    @Autowired
    NotifyProperties properties;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anEMailReachesTheUsersAddressInTheirLanguageWithTheIdempotencyKey() throws Exception {
        User finance = userWithEmail("zh-CN", "finance-" + unique("x") + "@example.com");
        String key = send(finance, new LocalizedText("大额订单待审核", "Big order to review"),
                new LocalizedText("订单 SO-7 金额 60,000", "Order SO-7, amount 60,000"));

        probe().awaitStatus(key, OutboxEntry.SENT);

        assertThat(SMTP.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage mail = SMTP.getReceivedMessagesForDomain(finance.email())[0];
        assertThat(mail.getSubject()).isEqualTo("大额订单待审核");
        assertThat(((InternetAddress) mail.getAllRecipients()[0]).getAddress()).isEqualTo(finance.email());
        assertThat(((InternetAddress) mail.getFrom()[0]).getAddress()).isEqualTo(properties.getMail().getFrom());
        assertThat(mail.getHeader("X-Mosaic-Idempotency-Key")).containsExactly(key);
        assertThat(mail.getMessageID()).isEqualTo("<" + key + "@mosaic>");
        assertThat(GreenMailUtil.getBody(mail)).isNotBlank();
        assertThat(mail.getContent().toString()).contains("订单 SO-7 金额 60,000").contains("#/apps/dms/form/order/7");
    }

    @Test
    void aUserWithoutAnAddressGetsNoMailAndTheLogSaysWhy() {
        User nobody = userWithEmail("en", null);
        String key = send(nobody, new LocalizedText("标题", "Title"), null);

        OutboxEntry dead = probe().awaitStatus(key, OutboxEntry.DEAD);

        assertThat(dead.attempts()).isEqualTo(1);
        assertThat(dead.lastError()).isEqualTo("User '" + nobody.username() + "' has no e-mail address");
    }

    @Test
    void withoutAMailServerConfiguredTheDeliveryFailsWithAClearError() {
        User someone = userWithEmail("en", "someone@example.com");
        String key = send(someone, new LocalizedText("标题", "Title"), null);
        OutboxEntry row = probe().awaitStatus(key, OutboxEntry.SENT);
        EmailChannel unconfigured = new EmailChannel(
                new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class), jdbc, properties);

        assertThat(catchThrowableOfType(DeliveryException.class,
                () -> unconfigured.deliver(row, Instant.now())))
                .satisfies(e -> assertThat(e.permanent()).isTrue())
                .hasMessageStartingWith("E-mail is not configured: set spring.mail.host");
    }

    private OutboxProbe probe() {
        return new OutboxProbe(outbox, dispatcher, jdbc);
    }

    private User userWithEmail(String locale, String email) {
        return users.create(new UserRequest(unique("m"), "Mail reader", email, PASSWORD, null, null, null, List.of(),
                locale, null));
    }

    private String send(User to, LocalizedText title, LocalizedText body) {
        List<String> keys = transactions.execute(tx -> notifications.send(new NotificationRequest("order_big",
                Set.of(Channel.EMAIL), List.of(to.username()), List.of(), title, body, "#/apps/dms/form/order/7",
                Map.of())));
        assertThat(keys).hasSize(1);
        return keys.get(0);
    }
}
