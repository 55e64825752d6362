package dev.improview.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.util.unit.DataSize;

/** HTTP limits of our own, beside Tomcat's ({@code server.tomcat.*}); docs/api.md lists them. */
@ConfigurationProperties("improview.http")
record HttpProperties(@DefaultValue MaxBodyBytes maxBodyBytes) {

  static final String PREFIX = "improview.http.max-body-bytes.";

  /**
   * The largest request body each endpoint reads; a larger one is refused with 413. The defaults
   * are in application.yml.
   */
  record MaxBodyBytes(DataSize runs, DataSize imports, @Name("default") DataSize otherwise) {

    MaxBodyBytes {
      requirePositive(runs, "runs");
      requirePositive(imports, "imports");
      requirePositive(otherwise, "default");
    }

    /** The limit for a request; every endpoint not named has the default. */
    BodyLimit forRequest(String method, String path) {
      // A submission and a draft carry code as a run does, so they have the same limit.
      if (("POST".equals(method)
              && ("/api/runs".equals(path)
                  || (path.startsWith("/api/attempts/") && path.endsWith("/submissions"))))
          || ("PUT".equals(method) && path.startsWith("/api/drafts/"))) {
        return new BodyLimit(runs.toBytes(), PREFIX + "runs");
      }
      if ("POST".equals(method) && "/api/problems".equals(path)) {
        return new BodyLimit(imports.toBytes(), PREFIX + "imports");
      }
      return new BodyLimit(otherwise.toBytes(), PREFIX + "default");
    }

    private static void requirePositive(DataSize size, String key) {
      if (size == null || size.toBytes() < 1) {
        throw new IllegalArgumentException(PREFIX + key + " must be set, at least 1B: " + size);
      }
    }
  }
}
