package dev.improview.platform;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Host;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat answers some requests itself, before any servlet: a malformed request line or URL, an
 * oversized header. Its error report valve is replaced by one that answers those too as problem
 * details, with the security headers; errors inside the application keep going to the error page.
 */
@Component
class TomcatErrorReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

  private final JsonMapper json;

  TomcatErrorReports(JsonMapper json) {
    this.json = json;
  }

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    factory.addContextCustomizers(
        context -> {
          var host = (Host) context.getParent();
          for (var valve : host.getPipeline().getValves()) {
            if (valve instanceof ErrorReportValve) {
              host.getPipeline().removeValve(valve);
            }
          }
          host.getPipeline().addValve(new ProblemReportValve(json));
          if (host instanceof StandardHost standard) {
            // Else the host adds its HTML valve at start-up, not finding one of its own class.
            standard.setErrorReportValveClass(ProblemReportValve.class.getName());
          }
        });
  }

  /** Writes Tomcat's own error responses as problem details. */
  static final class ProblemReportValve extends ErrorReportValve {

    private static final Logger log = LoggerFactory.getLogger(ProblemReportValve.class);

    private final JsonMapper json;

    ProblemReportValve(JsonMapper json) {
      this.json = json;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
      int status = response.getStatus();
      if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
        return;
      }
      var ioAllowed = new AtomicBoolean(true);
      response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
      if (!ioAllowed.get()) {
        return;
      }
      var reason = throwable != null ? throwable.getMessage() : response.getMessage();
      log.debug("Tomcat answered {} itself: {}", status, reason);
      var known = HttpStatus.resolve(status);
      var title = known == null ? "HTTP " + status : known.getReasonPhrase();
      var problem = new LinkedHashMap<String, Object>();
      problem.put("type", ApiProblems.type(ApiProblems.typeName(HttpStatusCode.valueOf(status))));
      problem.put("title", title);
      problem.put("status", status);
      problem.put("detail", detail(status, title, reason));
      try {
        SecurityHeaders.apply(response::setHeader);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        var writer = response.getReporter();
        if (writer != null) {
          writer.write(json.writeValueAsString(problem));
          response.finishResponse();
        }
      } catch (IOException | IllegalStateException e) {
        log.debug("Could not write Tomcat's error report", e);
      }
    }

    private static String detail(int status, String title, String reason) {
      if (status == 400) {
        return "The request could not be parsed (request line, URL or headers)"
            + (reason == null || reason.isBlank() ? "." : ": " + ApiProblems.shorten(reason, 200));
      }
      return reason == null || reason.isBlank() ? title : ApiProblems.shorten(reason, 200);
    }
  }
}
