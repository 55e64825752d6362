package dev.improview.identity.internal;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialCreationOptionsRequest;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialRequestOptionsRequest;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.RelyingPartyAuthenticationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyRegistrationRequest;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;

/**
 * Improview as a WebAuthn relying party: Spring Security's webauthn4j operations with the rp id and
 * origins from {@link PasskeyProperties}, else from the public URL. Built on first use, because
 * without a configured public URL the origin names the port, known only once the server listens.
 */
final class PasskeyRelyingParty implements WebAuthnRelyingPartyOperations {

  static final String RP_NAME = "Improview";

  private final PasskeyProperties properties;
  private final PublicOrigin origin;
  private final PublicKeyCredentialUserEntityRepository userEntities;
  private final UserCredentialRepository credentials;
  private volatile Webauthn4JRelyingPartyOperations delegate;

  PasskeyRelyingParty(
      PasskeyProperties properties,
      PublicOrigin origin,
      PublicKeyCredentialUserEntityRepository userEntities,
      UserCredentialRepository credentials) {
    this.properties = properties;
    this.origin = origin;
    this.userEntities = userEntities;
    this.credentials = credentials;
  }

  /** The rp id ceremonies use. */
  String rpId() {
    return properties.rpId().isEmpty() ? URI.create(origin.get()).getHost() : properties.rpId();
  }

  /** The origins ceremonies may come from. */
  Set<String> allowedOrigins() {
    return properties.allowedOrigins().isEmpty()
        ? Set.of(origin.get())
        : new LinkedHashSet<>(properties.allowedOrigins());
  }

  private Webauthn4JRelyingPartyOperations delegate() {
    var operations = delegate;
    if (operations == null) {
      synchronized (this) {
        if (delegate == null) {
          delegate = build();
        }
        operations = delegate;
      }
    }
    return operations;
  }

  private Webauthn4JRelyingPartyOperations build() {
    var operations =
        new Webauthn4JRelyingPartyOperations(
            userEntities,
            credentials,
            PublicKeyCredentialRpEntity.builder().id(rpId()).name(RP_NAME).build(),
            allowedOrigins());
    // The stored user entity's name is the account id (what sign-in looks accounts up by); the
    // authenticator shows the user their email instead.
    operations.setCustomizeCreationOptions(
        options -> {
          var authentication = SecurityContextHolder.getContext().getAuthentication();
          if (authentication != null && authentication.getPrincipal() instanceof AccountUser user) {
            var entity = userEntities.findByUsername(user.getUsername());
            if (entity != null && user.email() != null) {
              options.user(
                  ImmutablePublicKeyCredentialUserEntity.builder()
                      .id(entity.getId())
                      .name(user.email())
                      .displayName(user.email())
                      .build());
            }
          }
        });
    return operations;
  }

  @Override
  public PublicKeyCredentialCreationOptions createPublicKeyCredentialCreationOptions(
      PublicKeyCredentialCreationOptionsRequest request) {
    return delegate().createPublicKeyCredentialCreationOptions(request);
  }

  @Override
  public CredentialRecord registerCredential(RelyingPartyRegistrationRequest request) {
    return delegate().registerCredential(request);
  }

  @Override
  public PublicKeyCredentialRequestOptions createCredentialRequestOptions(
      PublicKeyCredentialRequestOptionsRequest request) {
    return delegate().createCredentialRequestOptions(request);
  }

  @Override
  public PublicKeyCredentialUserEntity authenticate(RelyingPartyAuthenticationRequest request) {
    return delegate().authenticate(request);
  }
}
