package dev.improview.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;

/**
 * The SPA's {@code index.html} with this response's style nonce in its {@code <meta
 * property="csp-nonce">}, where the editor reads it for the style elements it writes. It has no
 * last-modified time, so the resource handler never answers it 304.
 */
final class SpaDocument extends ByteArrayResource {

  /**
   * What {@code web/index.html} holds in place of the nonce (not base64, so never taken for one).
   */
  static final String PLACEHOLDER = "{{csp-nonce}}";

  private SpaDocument(byte[] bytes) {
    super(bytes, "the SPA's index.html with a style nonce");
  }

  static Resource of(Resource index, String nonce) {
    try {
      var html = index.getContentAsString(StandardCharsets.UTF_8);
      return new SpaDocument(html.replace(PLACEHOLDER, nonce).getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + index, e);
    }
  }

  @Override
  public String getFilename() {
    return "index.html";
  }

  @Override
  public long lastModified() {
    return -1;
  }
}
