package io.mosaic.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** The secret of a set-password link, read where a test can see the mail: received by GreenMail, or in the outbox. */
public final class PasswordLinkMail {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LINK = Pattern.compile("#/set-password\\?token=([A-Za-z0-9_-]+)");

    private PasswordLinkMail() {
    }

    /** The secret of the link in a received e-mail; fails when the mail holds none. */
    public static String tokenIn(MimeMessage mail) throws IOException, MessagingException {
        Matcher link = LINK.matcher(mail.getContent().toString());
        assertThat(link.find()).as("a set-password link in " + mail.getContent()).isTrue();
        return link.group(1);
    }

    /** The secrets of the links the outbox holds for {@code username}, oldest first. */
    public static List<String> tokensInOutbox(JdbcClient jdbc, String username) throws IOException {
        List<String> tokens = new ArrayList<>();
        for (String message : jdbc.sql("SELECT message FROM MO_OUTBOX WHERE target = ? AND channel = 'email' ORDER BY id")
                .param(username).query(String.class).list()) {
            Matcher link = LINK.matcher(JSON.readTree(message).path("link").asText());
            assertThat(link.matches()).as("a set-password link in " + message).isTrue();
            tokens.add(link.group(1));
        }
        return tokens;
    }
}
