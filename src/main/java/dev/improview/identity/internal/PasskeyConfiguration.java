package dev.improview.identity.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;

/**
 * What Spring Security's {@code webAuthn()} finds as beans: the user entities and passkeys in
 * PostgreSQL (V12) and Improview as relying party. One bean of each type, so it is unambiguous.
 */
@Configuration(proxyBeanMethods = false)
class PasskeyConfiguration {

  @Bean
  JdbcPublicKeyCredentialUserEntityRepository passkeyUserEntities(JdbcTemplate jdbc) {
    return new JdbcPublicKeyCredentialUserEntityRepository(jdbc);
  }

  @Bean
  PasskeyCredentials passkeyCredentials(JdbcTemplate jdbc, AuditLog audit) {
    return new PasskeyCredentials(new JdbcUserCredentialRepository(jdbc), audit);
  }

  @Bean
  PasskeyRelyingParty passkeyRelyingParty(
      PasskeyProperties properties,
      PublicOrigin origin,
      JdbcPublicKeyCredentialUserEntityRepository userEntities,
      PasskeyCredentials credentials) {
    return new PasskeyRelyingParty(properties, origin, userEntities, credentials);
  }
}
