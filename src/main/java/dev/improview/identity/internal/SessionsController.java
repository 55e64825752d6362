package dev.improview.identity.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/auth/sign-out-everywhere}: ends every session of the account, on every device
 * and every instance (they are rows in {@code spring_session}, indexed by the account id).
 */
@RestController
@Tag(name = "Sign-in")
class SessionsController {

  private final FindByIndexNameSessionRepository<? extends Session> sessions;
  private final AuditLog audit;

  SessionsController(FindByIndexNameSessionRepository<? extends Session> sessions, AuditLog audit) {
    this.sessions = sessions;
    this.audit = audit;
  }

  @PostMapping("/api/auth/sign-out-everywhere")
  @Operation(summary = "End every session of the signed-in account")
  ResponseEntity<Void> signOutEverywhere(
      @AuthenticationPrincipal AccountUser user, HttpServletRequest request) {
    if (user == null) {
      throw new dev.improview.platform.CurrentAccount.NotSignedInException();
    }
    var ended = sessions.findByPrincipalName(user.getUsername()).keySet();
    ended.forEach(sessions::deleteById);
    var current = request.getSession(false);
    if (current != null) {
      current.invalidate();
    }
    SecurityContextHolder.clearContext();
    audit.record(
        AuditLog.Kind.SIGNED_OUT_EVERYWHERE,
        user.id(),
        user.email(),
        request.getRemoteAddr(),
        ended.size() + " session(s) ended.");
    return ResponseEntity.noContent().build();
  }
}
