package dev.improview.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps every request body ({@link HttpProperties.MaxBodyBytes}): a declared {@code Content-Length}
 * over the cap is refused before a byte is read, and a body of unknown length (chunked) is counted
 * as it is read, so reading stops just past the cap instead of buffering whatever arrives.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestBodyLimitFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(RequestBodyLimitFilter.class);

  private final HttpProperties properties;

  RequestBodyLimitFilter(HttpProperties properties) {
    this.properties = properties;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    var path = request.getRequestURI().substring(request.getContextPath().length());
    var limit = properties.maxBodyBytes().forRequest(request.getMethod(), path);
    var declared = request.getContentLengthLong();
    if (declared > limit.bytes()) {
      log.debug(
          "Refused {} {}: Content-Length {} over {}", request.getMethod(), path, declared, limit);
      // The error page renders it as problem+json (ProblemErrorController); the body stays unread.
      response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, limit.detail());
      return;
    }
    chain.doFilter(declared < 0 ? new LimitedRequest(request, limit) : request, response);
  }

  /** Thrown by the body stream once more than the limit has been read. */
  static final class BodyTooLargeException extends IOException {
    private final transient BodyLimit limit;

    BodyTooLargeException(BodyLimit limit) {
      super("Request body over " + limit.bytes() + " bytes (" + limit.key() + ")");
      this.limit = limit;
    }

    BodyLimit limit() {
      return limit;
    }
  }

  private static final class LimitedRequest extends HttpServletRequestWrapper {
    private final BodyLimit limit;
    private ServletInputStream stream;

    LimitedRequest(HttpServletRequest request, BodyLimit limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new CountingStream(super.getInputStream(), limit);
      }
      return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
      var encoding = getCharacterEncoding();
      var charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
      return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }
  }

  private static final class CountingStream extends ServletInputStream {
    private final ServletInputStream in;
    private final BodyLimit limit;
    private long count;

    CountingStream(ServletInputStream in, BodyLimit limit) {
      this.in = in;
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        counted(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      // Never ask for more than one byte past the cap, so nothing beyond it is buffered.
      long room = limit.bytes() + 1 - count;
      int n = in.read(buffer, offset, (int) Math.min(length, Math.max(room, 1)));
      if (n > 0) {
        counted(n);
      }
      return n;
    }

    private void counted(int n) throws BodyTooLargeException {
      count += n;
      if (count > limit.bytes()) {
        throw new BodyTooLargeException(limit);
      }
    }

    @Override
    public int available() throws IOException {
      return in.available();
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      in.setReadListener(listener);
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
