package dev.improview.identity.internal;

import java.util.List;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The passkeys Spring Security's ceremonies read and write ({@code user_credentials}, through its
 * JDBC repository), with the label a new one arrives with tidied ({@link PasskeyLabel#tidy}) and
 * every addition and removal in the audit trail: which account, never the key.
 */
final class PasskeyCredentials implements UserCredentialRepository {

  private final JdbcUserCredentialRepository jdbc;
  private final AuditLog audit;

  PasskeyCredentials(JdbcUserCredentialRepository jdbc, AuditLog audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  @Override
  public void save(CredentialRecord record) {
    if (jdbc.findByCredentialId(record.getCredentialId()) != null) {
      // A sign-in: the signature count and last use move on.
      jdbc.save(record);
      return;
    }
    var label = PasskeyLabel.tidy(record.getLabel());
    jdbc.save(ImmutableCredentialRecord.fromCredentialRecord(record).label(label).build());
    var user = signedIn();
    audit.record(
        AuditLog.Kind.PASSKEY_ADDED,
        user == null ? null : user.id(),
        user == null ? null : user.email(),
        clientAddress(),
        "Added a passkey labelled \"" + label + "\".");
  }

  @Override
  public void delete(Bytes credentialId) {
    jdbc.delete(credentialId);
    var user = signedIn();
    audit.record(
        AuditLog.Kind.PASSKEY_REMOVED,
        user == null ? null : user.id(),
        user == null ? null : user.email(),
        clientAddress(),
        "Removed a passkey.");
  }

  @Override
  public CredentialRecord findByCredentialId(Bytes credentialId) {
    return jdbc.findByCredentialId(credentialId);
  }

  @Override
  public List<CredentialRecord> findByUserId(Bytes userId) {
    return jdbc.findByUserId(userId);
  }

  private static AccountUser signedIn() {
    var authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication != null && authentication.getPrincipal() instanceof AccountUser user
        ? user
        : null;
  }

  private static String clientAddress() {
    return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
        ? request.getRequest().getRemoteAddr()
        : null;
  }
}
