package dev.improview.platform;

import java.util.Optional;

/**
 * Content-addressed storage for artifacts too large or too private for a database row (a
 * submission's code, its full run report). A blob's key is the SHA-256 of its bytes in lower-case
 * hex, so storing the same bytes twice stores them once, and a key names exactly one content. The
 * database keeps the key. {@link FileBlobStore} is the default; an object store (S3) implements the
 * same calls for the cloud.
 */
public interface BlobStore {

  /**
   * Stores {@code bytes} durably (written and synced before this returns) and returns their key.
   */
  String put(byte[] bytes);

  /** The bytes stored under {@code key}, or empty when there are none. */
  Optional<byte[]> get(String key);

  /**
   * Removes the blob under {@code key}, if there is one. Blobs are shared by content, so the caller
   * first makes sure nothing else names the key.
   */
  void delete(String key);

  /** The key {@link #put} gives {@code bytes}: known before (or without) storing them. */
  static String keyOf(byte[] bytes) {
    return Sha256.hex(bytes);
  }

  /** True when {@code key} is the form every key has: 64 lower-case hex digits. */
  static boolean isKey(String key) {
    if (key == null || key.length() != 64) {
      return false;
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }
}
