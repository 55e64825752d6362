package dev.improview.platform;

/** The largest body one request may send, and the configuration key that sets it. */
record BodyLimit(long bytes, String key) {

  BodyLimit {
    if (bytes < 1) {
      throw new IllegalArgumentException("bytes < 1: " + bytes);
    }
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException("key is blank");
    }
  }

  /** The 413 detail: the limit in words and bytes, and where to change it. */
  String detail() {
    return "The request body is larger than "
        + readable()
        + " ("
        + bytes
        + " bytes), the most this endpoint accepts; the limit is set by "
        + key
        + ".";
  }

  private String readable() {
    if (bytes % (1024 * 1024) == 0) {
      return bytes / (1024 * 1024) + " MiB";
    }
    if (bytes % 1024 == 0) {
      return bytes / 1024 + " KiB";
    }
    return bytes + " bytes";
  }
}
