package dev.improview.platform;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code improview.blobs.*}.
 *
 * @param dir where {@link FileBlobStore} keeps blobs (default: {@code blobs/} in the data
 *     directory)
 */
@ConfigurationProperties("improview.blobs")
record BlobProperties(Path dir) {

  BlobProperties {
    if (dir == null) {
      throw new IllegalArgumentException("improview.blobs.dir must be set");
    }
  }
}
