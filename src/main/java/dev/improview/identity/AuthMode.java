package dev.improview.identity;

/** How a server decides who is asking ({@code improview.auth.mode}, docs/security.md). */
public enum AuthMode {
  /** One person on their own machine: no sign-in, the local account owns everything. */
  LOCAL("local"),
  /** Every private endpoint needs a signed-in user (the default under the {@code prod} profile). */
  ACCOUNTS("accounts");

  private final String id;

  AuthMode(String id) {
    this.id = id;
  }

  /** The wire and configuration name. */
  public String id() {
    return id;
  }
}
