package dev.improview.identity.internal;

import dev.improview.platform.RateLimit;
import dev.improview.platform.RateLimiter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.ott.GenerateOneTimeTokenRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/auth/magic-link}: mails a sign-in link. The answer is the same {@code 202}
 * whether or not the email has an account or may sign up, and SMTP is spoken off the request
 * thread, so neither the body nor the time tells who is registered. The link opens the SPA's {@code
 * /sign-in/link}, which posts the token to {@code /api/auth/magic-link/sign-in} (Spring Security's
 * one-time-token login): a mail scanner that fetches the link signs nobody in.
 */
@RestController
@Tag(name = "Sign-in")
class MagicLinkController {

  private static final Logger log = LoggerFactory.getLogger(MagicLinkController.class);

  record MagicLinkRequest(String email) {}

  record Accepted(String detail) {}

  private final HashedOneTimeTokens tokens;
  private final AccountStore accounts;
  private final AuthProperties properties;
  private final Mailbox mailbox;
  private final PublicOrigin origin;
  private final AuditLog audit;
  private final RateLimiter limits;
  private final ExecutorService smtp =
      Executors.newSingleThreadExecutor(
          runnable -> {
            var thread = new Thread(runnable, "magic-link-mail");
            thread.setDaemon(true);
            return thread;
          });

  MagicLinkController(
      HashedOneTimeTokens tokens,
      AccountStore accounts,
      AuthProperties properties,
      Mailbox mailbox,
      PublicOrigin origin,
      AuditLog audit,
      RateLimiter limits) {
    this.limits = limits;
    this.tokens = tokens;
    this.accounts = accounts;
    this.properties = properties;
    this.mailbox = mailbox;
    this.origin = origin;
    this.audit = audit;
  }

  @PostMapping("/api/auth/magic-link")
  @Operation(
      summary =
          "Email a sign-in link (always 202, whether or not the email is known; 429 past the"
              + " per-email or per-address limit)")
  ResponseEntity<Accepted> request(@RequestBody MagicLinkRequest body, HttpServletRequest http) {
    var email = EmailAddress.parse(body == null ? null : body.email());
    var ip = http.getRemoteAddr();
    // The address first, so one client cannot spend someone else's budget; both apply whether or
    // not the email is known, so a 429 tells nothing about who is registered either.
    limits.consume(RateLimit.MAGIC_LINK_IP, ip);
    limits.consume(RateLimit.MAGIC_LINK_EMAIL, email);
    var known = accounts.byEmail(email).isPresent();
    if (known || properties.maySignUp(email)) {
      var token =
          tokens.generate(new GenerateOneTimeTokenRequest(email, properties.magicLinkValidity()));
      var link =
          origin.get()
              + "/sign-in/link?token="
              + URLEncoder.encode(token.getTokenValue(), StandardCharsets.UTF_8);
      var text =
          "Open this link to sign in to Improview:\n\n"
              + link
              + "\n\nIt works once, for "
              + minutes(properties.magicLinkValidity())
              + " minutes. If you did not ask for it, ignore this mail: nothing happens.\n";
      if (mailbox.usesSmtp()) {
        smtp.execute(
            () -> {
              try {
                mailbox.send(email, "Your Improview sign-in link", text, link);
              } catch (RuntimeException e) {
                // The user sees the same answer; the operator sees why no mail arrived.
                log.warn("Could not send the sign-in link to {}: {}", email, e.getMessage());
              }
            });
      } else {
        mailbox.send(email, "Your Improview sign-in link", text, link);
      }
      audit.record(
          AuditLog.Kind.MAGIC_LINK_REQUESTED,
          null,
          email,
          ip,
          known ? "A link for an existing account." : "A link to sign up.");
    } else {
      audit.record(
          AuditLog.Kind.MAGIC_LINK_REFUSED, null, email, ip, "Not on the sign-up allowlist.");
    }
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .body(
            new Accepted(
                "If "
                    + email
                    + " may sign in, a link is on its way. It works once, for "
                    + minutes(properties.magicLinkValidity())
                    + " minutes."));
  }

  @jakarta.annotation.PreDestroy
  void stop() {
    smtp.shutdown();
  }

  private static long minutes(Duration validity) {
    return Math.max(1, validity.toMinutes());
  }
}
