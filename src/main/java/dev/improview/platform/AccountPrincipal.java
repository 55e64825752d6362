package dev.improview.platform;

import java.util.UUID;

/**
 * A signed-in principal that names its account: whatever signed the request in (a session, a magic
 * link, a passkey, a bearer token) resolves to one of these, and {@link CurrentAccount} reads it.
 */
public interface AccountPrincipal {

  UUID accountId();
}
