package dev.improview.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/** Prints where the app is listening, the one line a person starting it locally looks for. */
@Component
class StartupBanner implements ApplicationListener<WebServerInitializedEvent> {

  private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

  @Override
  public void onApplicationEvent(WebServerInitializedEvent event) {
    log.info("Improview is running at http://localhost:{}/", event.getWebServer().getPort());
  }
}
