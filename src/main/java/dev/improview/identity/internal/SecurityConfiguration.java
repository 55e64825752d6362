package dev.improview.identity.internal;

import dev.improview.identity.AuthMode;
import dev.improview.identity.Role;
import dev.improview.platform.RateLimiter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.ott.OneTimeTokenAuthenticationToken;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutFilter;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The one security chain (docs/security.md). Both modes share the rules; local mode signs every
 * request in as the local account, accounts mode asks for a user on every private endpoint. Public:
 * the problem reads, the catalog, the problem schema, the sign-in endpoints, health, the API
 * explorer and the SPA's own files. Importing problems and the metrics on the public port need the
 * admin role.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  static final String MAGIC_LINK_SIGN_IN = "/api/auth/magic-link/sign-in";

  /** Spring Security's passkey endpoints (docs/security.md, "Passkeys"). */
  static final String PASSKEY_SIGN_IN = "/login/webauthn";

  static final String PASSKEY_REGISTRATION = "/webauthn/register";

  @Bean
  SecurityFilterChain securityFilterChain(
      HttpSecurity http,
      AuthProperties properties,
      HashedOneTimeTokens tokens,
      SignInHandlers signIn,
      AuthResponses responses,
      RateLimiter limits,
      JwtProperties jwt,
      BearerFailures bearerFailures,
      Accounts accounts,
      PasskeyRelyingParty relyingParty,
      Clock clock,
      Environment environment)
      throws Exception {
    boolean local = properties.authMode() == AuthMode.LOCAL;
    // Headers are platform/SecurityHeadersFilter's, on every response; requests are never cached
    // for a login redirect (the SPA routes), and nobody signs in with a password.
    http.headers(headers -> headers.disable())
        .requestCache(cache -> cache.disable())
        .formLogin(form -> form.disable())
        .httpBasic(basic -> basic.disable())
        .sessionManagement(
            sessions ->
                sessions.sessionCreationPolicy(
                    local ? SessionCreationPolicy.STATELESS : SessionCreationPolicy.IF_REQUIRED))
        .exceptionHandling(
            exceptions ->
                exceptions.authenticationEntryPoint(responses).accessDeniedHandler(responses))
        .logout(
            logout ->
                logout
                    .logoutUrl("/api/auth/sign-out")
                    .logoutSuccessHandler(
                        new HttpStatusReturningLogoutSuccessHandler(HttpStatus.NO_CONTENT)))
        .oneTimeTokenLogin(
            ott ->
                ott.tokenService(tokens)
                    // MagicLinkController mails links; the filter's own endpoint declines every
                    // request, so there is no second way to ask for one.
                    .tokenGeneratingUrl("/api/auth/magic-link")
                    .generateRequestResolver(request -> null)
                    .tokenGenerationSuccessHandler(
                        (request, response, token) -> {
                          throw new IllegalStateException("links are mailed by the controller");
                        })
                    .loginProcessingUrl(MAGIC_LINK_SIGN_IN)
                    // A post without a token is a failed sign-in (401), not a path nobody serves.
                    .authenticationConverter(
                        request -> {
                          var token = request.getParameter("token");
                          return OneTimeTokenAuthenticationToken.unauthenticated(
                              token == null ? "" : token);
                        })
                    .loginPage("/sign-in")
                    .showDefaultSubmitPage(false)
                    .authenticationSuccessHandler(signIn)
                    .authenticationFailureHandler(signIn));
    http.addFilterBefore(
        new SignInRateLimitFilter(
            java.util.Set.of(MAGIC_LINK_SIGN_IN, PASSKEY_SIGN_IN), limits, responses),
        CsrfFilter.class);
    if (local) {
      if (jwt.enabled()) {
        throw new IllegalStateException(
            "improview.auth.jwt.issuer-uri is set but improview.auth.mode is local, where nobody"
                + " signs in: set improview.auth.mode=accounts (IMPROVIEW_AUTH_MODE) to accept"
                + " bearer tokens");
      }
      // Nobody signs in, so no session carries an identity a forged request could ride on.
      http.csrf(csrf -> csrf.disable())
          .addFilterBefore(new LocalAccountFilter(), AnonymousAuthenticationFilter.class);
    } else {
      http.csrf(csrf -> csrf.spa().ignoringRequestMatchers(SecurityConfiguration::bearer))
          .addFilterAfter(new CsrfCookieFilter(), CsrfFilter.class);
      passkeys(http, relyingParty, accounts, signIn);
      http.addFilterAfter(
          new PasskeyRegistrationSignInFilter(responses), AnonymousAuthenticationFilter.class);
      bearerTokens(http, jwt, bearerFailures, accounts, clock);
    }
    // With Actuator on its own port (prod: loopback, for metrics), the public port has only
    // health there, and the management port is for the operator's scraper.
    boolean separateManagement =
        ManagementPortType.get(environment) == ManagementPortType.DIFFERENT;
    http.authorizeHttpRequests(
        requests ->
            requests
                // A stream's later dispatches and the error page were authorised on the request's
                // first dispatch.
                .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR)
                .permitAll()
                .requestMatchers(HttpMethod.POST, "/api/problems")
                .hasRole(Role.ADMIN.name())
                .requestMatchers(
                    HttpMethod.GET,
                    "/api/problems",
                    "/api/problems/*",
                    "/api/problems/*/validation",
                    "/api/catalog",
                    "/api/problem-schema",
                    "/api/auth/options",
                    "/api/dev/mailbox")
                .permitAll()
                .requestMatchers(HttpMethod.POST, "/api/auth/magic-link", MAGIC_LINK_SIGN_IN)
                .permitAll()
                // Registering a passkey adds it to the signed-in account (its options endpoint
                // checks that itself, before this rule).
                .requestMatchers(PASSKEY_REGISTRATION, PASSKEY_REGISTRATION + "/**")
                .authenticated()
                .requestMatchers("/actuator/health", "/actuator/health/**", "/error")
                .permitAll()
                .requestMatchers("/actuator/**")
                .access(
                    separateManagement
                        ? (authentication, context) ->
                            new org.springframework.security.authorization.AuthorizationDecision(
                                true)
                        : org.springframework.security.authorization.AuthorityAuthorizationManager
                            .hasRole(Role.ADMIN.name()))
                .requestMatchers("/api/**")
                .authenticated()
                .anyRequest()
                .permitAll());
    return http.build();
  }

  /**
   * Passkeys (docs/security.md, "Passkeys"): Spring Security's ceremonies with {@link
   * PasskeyRelyingParty}'s rp id and origins and {@link PasskeyCredentials}' tables. A sign-in ends
   * as a magic link's does: the account as principal, a new session id, the same 200 or 401 from
   * {@link SignInHandlers}.
   */
  private static void passkeys(
      HttpSecurity http, PasskeyRelyingParty relyingParty, Accounts accounts, SignInHandlers signIn)
      throws Exception {
    http.webAuthn(
        webAuthn ->
            webAuthn
                .rpName(PasskeyRelyingParty.RP_NAME)
                .disableDefaultRegistrationPage(true)
                .creationOptionsRepository(new PasskeyCreationOptions())
                .withObjectPostProcessor(
                    new ObjectPostProcessor<WebAuthnAuthenticationFilter>() {
                      @Override
                      public <O extends WebAuthnAuthenticationFilter> O postProcess(O filter) {
                        filter.setAuthenticationManager(
                            new ProviderManager(
                                new PasskeyAuthentication.Provider(relyingParty, accounts)));
                        var sessions = http.getSharedObject(SessionAuthenticationStrategy.class);
                        filter.setSessionAuthenticationStrategy(
                            sessions != null
                                ? sessions
                                : new ChangeSessionIdAuthenticationStrategy());
                        filter.setAuthenticationSuccessHandler(signIn);
                        filter.setAuthenticationFailureHandler(signIn);
                        return filter;
                      }
                    }));
  }

  /**
   * Bearer JWTs from the configured issuer (docs/security.md, "Bearer tokens and an external OIDC
   * issuer"); without one, a bearer token is refused rather than ignored. Either way a bearer
   * request is stateless: its authentication lives in the request, never in a session.
   */
  private static void bearerTokens(
      HttpSecurity http,
      JwtProperties jwt,
      BearerFailures failures,
      Accounts accounts,
      Clock clock) {
    if (!jwt.enabled()) {
      http.addFilterBefore(new BearerRefusalFilter(failures), LogoutFilter.class);
      return;
    }
    // The bearer filter keeps its authentication in the request; SessionManagementFilter must see
    // it there, or it treats the request as a fresh sign-in and stores it in a new session.
    http.securityContext(
        context ->
            context.securityContextRepository(
                new DelegatingSecurityContextRepository(
                    new RequestAttributeSecurityContextRepository(),
                    new HttpSessionSecurityContextRepository())));
    http.oauth2ResourceServer(
        server ->
            server
                .jwt(
                    decoding ->
                        decoding
                            .decoder(IssuerJwts.decoder(jwt, clock))
                            .jwtAuthenticationConverter(new BearerAccounts(accounts, jwt)))
                .authenticationEntryPoint(failures)
                // The default failure handler rethrows an unreachable issuer as a 500.
                .withObjectPostProcessor(
                    new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                      @Override
                      public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                        filter.setAuthenticationFailureHandler(failures);
                        return filter;
                      }
                    })
                .protectedResourceMetadata(
                    metadata ->
                        metadata.protectedResourceMetadataCustomizer(
                            resource ->
                                resource
                                    .authorizationServer(jwt.issuerUri())
                                    .tlsClientCertificateBoundAccessTokens(false))));
  }

  /** A request that brings a bearer token, which carries no cookie a forgery could ride on. */
  static boolean bearer(HttpServletRequest request) {
    var authorization = request.getHeader("Authorization");
    return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
  }

  /**
   * Loads the CSRF token on API requests, so its cookie is (re)written and the SPA can send it
   * back; Spring Security defers the load until something asks.
   */
  static final class CsrfCookieFilter extends OncePerRequestFilter {
    @Override
    protected void doFilterInternal(
        HttpServletRequest request,
        jakarta.servlet.http.HttpServletResponse response,
        jakarta.servlet.FilterChain chain)
        throws jakarta.servlet.ServletException, java.io.IOException {
      if (request.getRequestURI().startsWith("/api/")
          && request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
        token.getToken();
      }
      chain.doFilter(request, response);
    }
  }
}
