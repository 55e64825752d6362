package dev.improview.identity;

/** What an account may do beyond its own data. */
public enum Role {
  /**
   * Imports problems and reads the server's provenance and cost figures: the first account, and
   * every email in {@code improview.auth.admin-emails}.
   */
  ADMIN("admin");

  private final String id;

  Role(String id) {
    this.id = id;
  }

  /** The wire name, stored in {@code account.roles}. */
  public String id() {
    return id;
  }

  /** The Spring Security authority for this role. */
  public String authority() {
    return "ROLE_" + name();
  }
}
