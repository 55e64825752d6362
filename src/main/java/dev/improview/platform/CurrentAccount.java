package dev.improview.platform;

import java.util.UUID;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Whose request this is: the account of the request's signed-in principal. In local mode every
 * request is signed in as the local account (identity/internal/LocalAccountFilter.java); in
 * accounts mode the security chain lets no request without a user reach an endpoint that asks.
 */
@Component
public class CurrentAccount {

  /** The local account (V5__attempts.sql), which owns everything in local mode. */
  public static final UUID LOCAL = UUID.fromString("00000000-0000-0000-0000-000000000001");

  /**
   * The signed-in account.
   *
   * @throws NotSignedInException when nobody is signed in: an endpoint that needs an account but
   *     was left public by mistake answers 401, never someone else's data
   */
  public UUID id() {
    var authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null
        && authentication.isAuthenticated()
        && !(authentication instanceof AnonymousAuthenticationToken)
        && authentication.getPrincipal() instanceof AccountPrincipal principal) {
      return principal.accountId();
    }
    throw new NotSignedInException();
  }

  /** Nobody is signed in; rendered as {@code 401} ({@link ApiExceptionHandler}). */
  public static final class NotSignedInException extends RuntimeException {
    public NotSignedInException() {
      super("This needs a signed-in user.");
    }
  }
}
