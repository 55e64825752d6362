/**
 * Who is asking: accounts, sign-in by email magic link and passkey, sessions shared through
 * PostgreSQL, bearer JWTs, roles and the audit trail. In {@code local} mode one local account owns
 * everything and nobody signs in; in {@code accounts} mode every private endpoint needs a user.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package dev.improview.identity;
