package io.mosaic.runtime.notify;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * E-mail through Spring Mail ({@code spring.mail.*}) to the address in the user's profile, in the user's language.
 * The Message-ID is made from the idempotency key, so a mail sent twice after a lost acknowledgement reads as one
 * message to clients that thread by it; the key is also in the header {@code X-Mosaic-Idempotency-Key}.
 */
@Component
class EmailChannel implements DeliveryChannel {

    private record Recipient(String email, String locale, String name, boolean enabled) {
    }

    private final ObjectProvider<JavaMailSender> mailSender;
    private final JdbcClient jdbc;
    private final NotifyProperties properties;

    EmailChannel(ObjectProvider<JavaMailSender> mailSender, JdbcClient jdbc, NotifyProperties properties) {
        this.mailSender = mailSender;
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public void deliver(OutboxEntry entry, Instant now) throws DeliveryException {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            throw new DeliveryException("E-mail is not configured: set spring.mail.host (and port, username, password)",
                    true);
        }
        Recipient recipient = recipient(entry.target())
                .orElseThrow(() -> new DeliveryException("No user '" + entry.target() + "'", true));
        if (!recipient.enabled()) {
            throw new DeliveryException("User '" + entry.target() + "' is disabled", true);
        }
        if (recipient.email() == null || recipient.email().isBlank()) {
            throw new DeliveryException("User '" + entry.target() + "' has no e-mail address", true);
        }
        try {
            sender.send(message(entry, recipient));
        } catch (MailParseException | MailPreparationException e) {
            throw new DeliveryException("Cannot write the e-mail to " + recipient.email() + ": " + e.getMessage(), true, e);
        } catch (MailException e) {
            throw new DeliveryException("The mail server did not take the e-mail to " + recipient.email() + ": "
                    + e.getMessage(), false, e);
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new DeliveryException("Cannot write the e-mail to " + recipient.email() + ": " + e.getMessage(), true, e);
        }
    }

    private MimeMessage message(OutboxEntry entry, Recipient recipient)
            throws MessagingException, UnsupportedEncodingException {
        String key = entry.idempotencyKey();
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties())) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", "<" + key + "@mosaic>");
            }
        };
        message.setFrom(new InternetAddress(properties.getMail().getFrom()));
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(recipient.email(), recipient.name(),
                StandardCharsets.UTF_8.name()));
        message.setSubject(entry.text("title", recipient.locale()), StandardCharsets.UTF_8.name());
        StringBuilder text = new StringBuilder(entry.text("body", recipient.locale()));
        String link = Links.absolute(properties.getBaseUrl(), entry.link());
        if (link != null) {
            text.append(text.isEmpty() ? "" : "\n\n").append(link);
        }
        message.setText(text.toString(), StandardCharsets.UTF_8.name());
        message.setHeader("X-Mosaic-Idempotency-Key", key);
        return message;
    }

    private Optional<Recipient> recipient(String username) {
        return jdbc.sql("SELECT email, locale, display_name, enabled FROM MO_USER WHERE username = ?").param(username)
                .query((rs, n) -> new Recipient(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)))
                .optional();
    }
}
