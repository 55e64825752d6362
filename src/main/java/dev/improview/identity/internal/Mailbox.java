package dev.improview.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Where sign-in mail goes: the SMTP server when {@code IMPROVIEW_SMTP_HOST} is set ({@link
 * SmtpProperties}); otherwise the dev mailbox, a table listed at {@code /api/dev/mailbox}, with the
 * link in the log.
 */
@Component
class Mailbox {

  private static final Logger log = LoggerFactory.getLogger(Mailbox.class);

  /** One mail in the dev mailbox. */
  record Mail(String to, String subject, String link, Instant sentAt) {}

  private final JavaMailSender smtp;
  private final JdbcClient jdbc;
  private final Clock clock;
  private final String from;

  Mailbox(SmtpProperties properties, JdbcClient jdbc, Clock clock) {
    this.smtp = properties.configured() ? sender(properties) : null;
    this.from = properties.from();
    this.jdbc = jdbc;
    this.clock = clock;
  }

  private static JavaMailSender sender(SmtpProperties properties) {
    var sender = new JavaMailSenderImpl();
    sender.setHost(properties.host());
    sender.setPort(properties.port());
    if (!properties.username().isBlank()) {
      sender.setUsername(properties.username());
      sender.setPassword(properties.password());
    }
    var mail = sender.getJavaMailProperties();
    mail.put("mail.smtp.auth", String.valueOf(!properties.username().isBlank()));
    mail.put("mail.smtp.starttls.enable", String.valueOf(properties.starttls()));
    mail.put("mail.smtp.starttls.required", String.valueOf(properties.starttls()));
    mail.put("mail.smtp.connectiontimeout", "10000");
    mail.put("mail.smtp.timeout", "10000");
    mail.put("mail.smtp.writetimeout", "10000");
    return sender;
  }

  boolean usesSmtp() {
    return smtp != null;
  }

  void send(String to, String subject, String text, String link) {
    if (smtp != null) {
      var message = new SimpleMailMessage();
      message.setFrom(from);
      message.setTo(to);
      message.setSubject(subject);
      message.setText(text);
      smtp.send(message);
      return;
    }
    log.info("Dev mailbox (no SMTP is configured): to {}: {} {}", to, subject, link);
    jdbc.sql(
            "insert into dev_mail (to_address, subject, link, sent_at)"
                + " values (:to, :subject, :link, :at)")
        .param("to", to)
        .param("subject", subject)
        .param("link", link)
        .param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
        .update();
  }

  /** The dev mailbox, newest first. */
  List<Mail> newest(int limit) {
    return jdbc.sql(
            "select to_address, subject, link, sent_at from dev_mail"
                + " order by sent_at desc, id desc limit :limit")
        .param("limit", limit)
        .query(
            (rs, row) ->
                new Mail(
                    rs.getString("to_address"),
                    rs.getString("subject"),
                    rs.getString("link"),
                    rs.getObject("sent_at", OffsetDateTime.class).toInstant()))
        .list();
  }
}
