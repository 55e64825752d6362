package dev.improview.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.springframework.security.web.webauthn.api.AttestationConveyancePreference;
import org.springframework.security.web.webauthn.api.AuthenticatorAttachment;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialDescriptor;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialParameters;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.registration.PublicKeyCredentialCreationOptionsRepository;

/**
 * Keeps a registration ceremony's options in the session between its two requests. Spring Session
 * stores sessions in PostgreSQL with Java serialization, and Spring Security's options are not
 * serializable, so the session holds a {@link Snapshot} of what verifying the new passkey needs
 * (challenge, rp, user, algorithms, selection) and the options are rebuilt from it.
 */
final class PasskeyCreationOptions implements PublicKeyCredentialCreationOptionsRepository {

  static final String ATTRIBUTE = PasskeyCreationOptions.class.getName() + ".options";

  /** The serializable part of one ceremony's options. */
  record Snapshot(
      String rpId,
      String rpName,
      byte[] userId,
      String userName,
      String userDisplayName,
      byte[] challenge,
      long[] algorithms,
      long timeoutMillis,
      List<PublicKeyCredentialDescriptor> excludeCredentials,
      AuthenticatorAttachment attachment,
      String residentKey,
      String userVerification,
      String attestation)
      implements Serializable {

    @Serial private static final long serialVersionUID = 1L;

    static Snapshot of(PublicKeyCredentialCreationOptions options) {
      var selection = options.getAuthenticatorSelection();
      return new Snapshot(
          options.getRp().getId(),
          options.getRp().getName(),
          options.getUser().getId().getBytes(),
          options.getUser().getName(),
          options.getUser().getDisplayName(),
          options.getChallenge().getBytes(),
          options.getPubKeyCredParams().stream().mapToLong(p -> p.getAlg().getValue()).toArray(),
          options.getTimeout() == null ? 0 : options.getTimeout().toMillis(),
          options.getExcludeCredentials() == null
              ? List.of()
              : List.copyOf(options.getExcludeCredentials()),
          selection == null ? null : selection.getAuthenticatorAttachment(),
          selection == null || selection.getResidentKey() == null
              ? null
              : selection.getResidentKey().getValue(),
          selection == null || selection.getUserVerification() == null
              ? null
              : selection.getUserVerification().getValue(),
          options.getAttestation() == null ? null : options.getAttestation().getValue());
    }

    PublicKeyCredentialCreationOptions options() {
      var selection = AuthenticatorSelectionCriteria.builder().authenticatorAttachment(attachment);
      if (residentKey != null) {
        selection.residentKey(ResidentKeyRequirement.valueOf(residentKey));
      }
      if (userVerification != null) {
        selection.userVerification(userVerification(userVerification));
      }
      var builder =
          PublicKeyCredentialCreationOptions.builder()
              .rp(PublicKeyCredentialRpEntity.builder().id(rpId).name(rpName).build())
              .user(
                  ImmutablePublicKeyCredentialUserEntity.builder()
                      .id(new Bytes(userId))
                      .name(userName)
                      .displayName(userDisplayName)
                      .build())
              .challenge(new Bytes(challenge))
              .pubKeyCredParams(Arrays.stream(algorithms).mapToObj(Snapshot::parameters).toList())
              .excludeCredentials(excludeCredentials)
              .authenticatorSelection(selection.build());
      if (timeoutMillis > 0) {
        builder.timeout(Duration.ofMillis(timeoutMillis));
      }
      if (attestation != null) {
        builder.attestation(AttestationConveyancePreference.valueOf(attestation));
      }
      return builder.build();
    }

    private static PublicKeyCredentialParameters parameters(long algorithm) {
      for (var candidate :
          List.of(
              PublicKeyCredentialParameters.EdDSA,
              PublicKeyCredentialParameters.ES256,
              PublicKeyCredentialParameters.ES384,
              PublicKeyCredentialParameters.ES512,
              PublicKeyCredentialParameters.RS256,
              PublicKeyCredentialParameters.RS384,
              PublicKeyCredentialParameters.RS512,
              PublicKeyCredentialParameters.RS1)) {
        if (candidate.getAlg().getValue() == algorithm) {
          return candidate;
        }
      }
      throw new IllegalStateException(
          "algorithm " + algorithm + " is not one Spring Security names");
    }

    private static UserVerificationRequirement userVerification(String value) {
      return switch (value) {
        case "required" -> UserVerificationRequirement.REQUIRED;
        case "discouraged" -> UserVerificationRequirement.DISCOURAGED;
        default -> UserVerificationRequirement.PREFERRED;
      };
    }
  }

  @Override
  public void save(
      HttpServletRequest request,
      HttpServletResponse response,
      PublicKeyCredentialCreationOptions options) {
    if (options == null) {
      var session = request.getSession(false);
      if (session != null) {
        session.removeAttribute(ATTRIBUTE);
      }
      return;
    }
    request.getSession().setAttribute(ATTRIBUTE, Snapshot.of(options));
  }

  @Override
  public PublicKeyCredentialCreationOptions load(HttpServletRequest request) {
    var session = request.getSession(false);
    return session != null && session.getAttribute(ATTRIBUTE) instanceof Snapshot snapshot
        ? snapshot.options()
        : null;
  }
}
