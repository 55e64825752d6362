package dev.improview.identity.internal;

import dev.improview.platform.ApiProblems;

/** Checks an email address a user typed: one that mail can reach and headers cannot break. */
final class EmailAddress {

  static final int MAX_LENGTH = 254;

  private EmailAddress() {}

  /**
   * {@code raw} trimmed and lower-cased.
   *
   * @throws org.springframework.web.ErrorResponseException 400 naming what is wrong
   */
  static String parse(String raw) {
    if (raw == null || raw.isBlank()) {
      throw ApiProblems.badRequest("Field 'email' is required: the address to send the link to.");
    }
    var email = Accounts.normalise(raw);
    if (email.length() > MAX_LENGTH) {
      throw ApiProblems.badRequest("Field 'email' is longer than " + MAX_LENGTH + " characters.");
    }
    int at = email.lastIndexOf('@');
    if (at <= 0 || at == email.length() - 1 || email.indexOf('@') != at) {
      throw ApiProblems.badRequest("Field 'email' must be one address such as ada@example.com.");
    }
    for (int i = 0; i < email.length(); i++) {
      char c = email.charAt(i);
      if (c <= ' ' || c == 0x7f || c == ',' || c == ';' || c == '<' || c == '>' || c == '"') {
        throw ApiProblems.badRequest(
            "Field 'email' may not hold spaces, control characters, quotes, brackets, commas"
                + " or semicolons.");
      }
    }
    var local = email.substring(0, at);
    var domain = email.substring(at + 1);
    if (local.length() > 64) {
      throw ApiProblems.badRequest(
          "Field 'email' has a part before the @ longer than 64 characters.");
    }
    if (!domain.contains(".")
        || domain.startsWith(".")
        || domain.endsWith(".")
        || domain.contains("..")) {
      throw ApiProblems.badRequest("Field 'email' needs a domain such as example.com after the @.");
    }
    return email;
  }
}
