package dev.improview.identity.internal;

import dev.improview.identity.AuthMode;
import dev.improview.platform.ApiProblems;
import dev.improview.platform.CurrentAccount;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.ZoneOffset;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/account/export} (all my data as one JSON file) and {@code DELETE /api/account}
 * (delete my account and its data, confirmed by typing the account's email). In local mode nobody
 * signs in and the local account owns everything: deleting erases its data, keeps the (empty)
 * account, and is confirmed by {@link #LOCAL_CONFIRMATION}.
 */
@RestController
@Tag(name = "Account data")
class AccountDataController {

  /** What local mode, whose account has no email, asks to be typed instead. */
  static final String LOCAL_CONFIRMATION = "delete my data";

  record DeleteRequest(String confirm) {}

  private final AccountExport export;
  private final AccountDeletion deletion;
  private final AuthProperties properties;

  AccountDataController(AccountExport export, AccountDeletion deletion, AuthProperties properties) {
    this.export = export;
    this.deletion = deletion;
    this.properties = properties;
  }

  @GetMapping("/api/account/export")
  @Operation(summary = "Everything kept for the signed-in account, as one JSON file")
  ResponseEntity<AccountExport.Document> export(@AuthenticationPrincipal AccountUser user) {
    if (user == null) {
      throw new CurrentAccount.NotSignedInException();
    }
    var document = export.export(user);
    var date = document.exportedAt().atOffset(ZoneOffset.UTC).toLocalDate();
    return ResponseEntity.ok()
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename("improview-export-" + date + ".json")
                .build()
                .toString())
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(document);
  }

  @DeleteMapping("/api/account")
  @Operation(
      summary =
          "Delete the signed-in account and its data (local mode: erase the local data);"
              + " confirm with the account's email")
  ResponseEntity<Void> delete(
      @AuthenticationPrincipal AccountUser user,
      @RequestBody(required = false) DeleteRequest body,
      HttpServletRequest request) {
    if (user == null) {
      throw new CurrentAccount.NotSignedInException();
    }
    boolean local = properties.authMode() == AuthMode.LOCAL;
    var expected = local ? LOCAL_CONFIRMATION : user.email();
    var what = local ? "the words '" + LOCAL_CONFIRMATION + "'" : "the account's email";
    var typed = body == null ? null : body.confirm();
    if (typed == null || typed.isBlank()) {
      throw ApiProblems.badRequest(
          "Field 'confirm' is required: type " + what + " to confirm the deletion.");
    }
    if (expected == null || !Accounts.normalise(typed).equals(expected.toLowerCase())) {
      throw ApiProblems.exception(
          HttpStatus.UNPROCESSABLE_CONTENT,
          "confirmation-mismatch",
          "Confirmation does not match",
          "Field 'confirm' must be " + what + "; nothing was deleted.");
    }
    deletion.delete(
        user.id(),
        local
            ? "The local account's data was erased at its own request; the empty account is kept."
            : "The account and its data were deleted at its own request.");
    var current = request.getSession(false);
    if (current != null) {
      current.invalidate();
    }
    SecurityContextHolder.clearContext();
    return ResponseEntity.noContent().build();
  }
}
