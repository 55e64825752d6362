package dev.improview.attempt.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code improview.drafts.*} (docs/api.md, "Drafts").
 *
 * @param maxCodeBytes the largest draft kept, in UTF-8 bytes; the default is the largest solution a
 *     run accepts ({@code improview.execution.max-code-bytes}), since a larger draft could never
 *     run
 * @param maxPerAccount how many drafts (problem and language) one account keeps at most
 */
@ConfigurationProperties("improview.drafts")
record DraftProperties(
    @DefaultValue("64KB") DataSize maxCodeBytes, @DefaultValue("1000") int maxPerAccount) {

  DraftProperties {
    if (maxCodeBytes == null
        || maxCodeBytes.toBytes() < 1
        || maxCodeBytes.toBytes() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "improview.drafts.max-code-bytes must be between 1B and 2GB: " + maxCodeBytes);
    }
    if (maxPerAccount < 1) {
      throw new IllegalArgumentException(
          "improview.drafts.max-per-account must be at least 1: " + maxPerAccount);
    }
  }
}
