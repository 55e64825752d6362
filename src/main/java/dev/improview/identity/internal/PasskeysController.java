package dev.improview.identity.internal;

import dev.improview.platform.ApiProblems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/account/passkeys}: the signed-in account's passkeys, to list, rename and remove.
 * Adding one is the registration ceremony ({@code /webauthn/register/options}, {@code
 * /webauthn/register}); docs/security.md, "Passkeys".
 */
@RestController
@Tag(name = "Sign-in")
class PasskeysController {

  /** A rename: the new label. */
  record Rename(String label) {}

  private final PasskeyStore passkeys;
  private final AuditLog audit;

  PasskeysController(PasskeyStore passkeys, AuditLog audit) {
    this.passkeys = passkeys;
    this.audit = audit;
  }

  @GetMapping("/api/account/passkeys")
  @Operation(summary = "The signed-in account's passkeys, oldest first")
  List<PasskeyStore.Passkey> list(@AuthenticationPrincipal AccountUser user) {
    return passkeys.list(signedIn(user).id());
  }

  @PatchMapping("/api/account/passkeys/{id}")
  @Operation(summary = "Rename a passkey (404 unless it is the signed-in account's)")
  PasskeyStore.Passkey rename(
      @AuthenticationPrincipal AccountUser user,
      @PathVariable String id,
      @RequestBody Rename body,
      HttpServletRequest request) {
    var account = signedIn(user);
    PasskeyLabel label;
    try {
      label = new PasskeyLabel(body == null ? null : body.label());
    } catch (IllegalArgumentException e) {
      throw ApiProblems.badRequest(e.getMessage());
    }
    var renamed = passkeys.rename(account.id(), id, label).orElseThrow(() -> missing(id));
    audit.record(
        AuditLog.Kind.PASSKEY_RENAMED,
        account.id(),
        account.email(),
        request.getRemoteAddr(),
        "Renamed a passkey to \"" + renamed.label() + "\".");
    return renamed;
  }

  @DeleteMapping("/api/account/passkeys/{id}")
  @Operation(summary = "Remove a passkey (404 unless it is the signed-in account's)")
  ResponseEntity<Void> remove(
      @AuthenticationPrincipal AccountUser user,
      @PathVariable String id,
      HttpServletRequest request) {
    var account = signedIn(user);
    var label = passkeys.remove(account.id(), id).orElseThrow(() -> missing(id));
    audit.record(
        AuditLog.Kind.PASSKEY_REMOVED,
        account.id(),
        account.email(),
        request.getRemoteAddr(),
        "Removed the passkey \"" + label + "\".");
    return ResponseEntity.noContent().build();
  }

  private static AccountUser signedIn(AccountUser user) {
    if (user == null) {
      throw new dev.improview.platform.CurrentAccount.NotSignedInException();
    }
    return user;
  }

  private static RuntimeException missing(String id) {
    return ApiProblems.notFound(
        "You have no passkey with id '" + ApiProblems.shorten(id, 80) + "'.");
  }
}
