package dev.improview.identity.internal;

/**
 * A passkey's label as the user names it ("Laptop", "Phone"): what the account page lists.
 *
 * @param value non-blank, trimmed, at most {@link #MAX_LENGTH} characters, no control characters
 */
record PasskeyLabel(String value) {

  static final int MAX_LENGTH = 64;

  PasskeyLabel {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(
          "Field 'label' is required: a name for the passkey such as \"Laptop\".");
    }
    value = value.strip();
    if (value.codePointCount(0, value.length()) > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "Field 'label' is longer than " + MAX_LENGTH + " characters.");
    }
    if (value.codePoints().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("Field 'label' may not hold control characters.");
    }
  }

  /**
   * The label a new passkey is stored with: the one the browser sent if it is valid, else one made
   * valid (cut to length, control characters dropped, "Passkey" for none). A ceremony is not failed
   * over its label; the user can rename it.
   */
  static String tidy(String raw) {
    var cleaned =
        raw == null
            ? ""
            : raw.codePoints()
                .filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString()
                .strip();
    if (cleaned.isEmpty()) {
      return "Passkey";
    }
    if (cleaned.codePointCount(0, cleaned.length()) > MAX_LENGTH) {
      cleaned = cleaned.substring(0, cleaned.offsetByCodePoints(0, MAX_LENGTH)).strip();
    }
    return cleaned;
  }
}
