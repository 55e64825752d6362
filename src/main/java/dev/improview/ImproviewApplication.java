package dev.improview;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Improview server: API, sandboxed execution and the single-page app in one process. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ImproviewApplication {

  public static void main(String[] args) {
    SpringApplication.run(ImproviewApplication.class, args);
  }
}
