package dev.improview.identity.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code improview.smtp.*}: the mail server sign-in links go through. Without a host, mail goes to
 * the dev mailbox.
 *
 * @param host the SMTP server ({@code IMPROVIEW_SMTP_HOST}); empty: no SMTP
 * @param port its port (587: submission with STARTTLS)
 * @param username the login, if the server wants one
 * @param password its password; never logged
 * @param starttls require STARTTLS before the login and the mail
 * @param from the sender of sign-in mail
 */
@ConfigurationProperties("improview.smtp")
record SmtpProperties(
    @DefaultValue("") String host,
    @DefaultValue("587") int port,
    @DefaultValue("") String username,
    @DefaultValue("") String password,
    @DefaultValue("true") boolean starttls,
    @DefaultValue("Improview <no-reply@improview.local>") String from) {

  SmtpProperties {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("improview.smtp.port must be 1-65535: " + port);
    }
  }

  boolean configured() {
    return !host.isBlank();
  }

  @Override
  public String toString() {
    // A record's toString would print the password.
    return "SmtpProperties[host=" + host + ", port=" + port + ", username=" + username + "]";
  }
}
