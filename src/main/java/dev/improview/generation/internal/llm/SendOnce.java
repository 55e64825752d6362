package dev.improview.generation.internal.llm;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSink;

/**
 * Marks each request body one-shot, so okhttp never sends a request again on its own: Spring AI
 * builds its okhttp client with {@code retryOnConnectionFailure(true)}, under which okhttp repeats
 * a request after a 408 (or a 503 with {@code Retry-After: 0}) and after a connection fails
 * mid-request, and those hidden repeats would not be counted as attempts. A pooled connection found
 * dead before anything was sent is still replaced: no request reached the server then.
 */
final class SendOnce implements Interceptor {

  @Override
  public Response intercept(Chain chain) throws IOException {
    var request = chain.request();
    var body = request.body();
    if (body == null || body.isOneShot()) {
      return chain.proceed(request);
    }
    return chain.proceed(request.newBuilder().method(request.method(), new OneShot(body)).build());
  }

  private static final class OneShot extends RequestBody {
    private final RequestBody body;

    OneShot(RequestBody body) {
      this.body = body;
    }

    @Override
    public MediaType contentType() {
      return body.contentType();
    }

    @Override
    public long contentLength() throws IOException {
      return body.contentLength();
    }

    @Override
    public boolean isOneShot() {
      return true;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
      body.writeTo(sink);
    }
  }
}
