package dev.improview.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.EncodedResourceResolver;
import org.springframework.web.servlet.resource.PathResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolverChain;

/**
 * Serves the single-page app from {@code classpath:/static}: fingerprinted assets are cached for a
 * year (as the Brotli copy the build writes beside each, when the browser accepts br), and any
 * other path that is not a file, nor under a server prefix, falls back to {@code index.html} so
 * client-side routes survive a reload. The document is written afresh for each response with its
 * own {@link StyleNonce} filled in, so it is never cached nor answered 304 (a cached body would
 * carry a nonce the new response's CSP no longer allows).
 */
@Configuration(proxyBeanMethods = false)
class SpaConfiguration implements WebMvcConfigurer {

  /** Paths the server owns, themselves and below: an unknown one is a 404, never the SPA. */
  static final List<String> SERVER_PATHS =
      List.of("api", "actuator", "v3", "swagger-ui", "swagger-ui.html", "assets");

  private static final String INDEX = "static/index.html";

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    registry
        .addResourceHandler("/assets/**")
        .addResourceLocations("classpath:/static/assets/")
        .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
        .resourceChain(true)
        .addResolver(new EncodedResourceResolver())
        .addResolver(new PathResourceResolver());
    registry
        .addResourceHandler("/**")
        .addResourceLocations("classpath:/static/")
        .setCacheControl(CacheControl.noCache())
        // No cache of resolved resources: the document is a new one on every request.
        .resourceChain(false)
        .addResolver(new SpaFallbackResolver());
  }

  private static final class SpaFallbackResolver extends PathResourceResolver {
    @Override
    protected Resource resolveResourceInternal(
        HttpServletRequest request,
        String requestPath,
        List<? extends Resource> locations,
        ResourceResolverChain chain) {
      var resource = super.resolveResourceInternal(request, requestPath, locations, chain);
      if (request == null
          || !(resource instanceof ClassPathResource file)
          || !file.getPath().equals(INDEX)) {
        return resource;
      }
      var nonce = StyleNonce.of(request);
      return nonce == null ? resource : SpaDocument.of(file, nonce.value());
    }

    @Override
    protected Resource getResource(String resourcePath, Resource location) throws IOException {
      var requested = location.createRelative(resourcePath);
      if (requested.exists() && requested.isReadable()) {
        return requested;
      }
      if (SERVER_PATHS.stream()
              .anyMatch(p -> resourcePath.equals(p) || resourcePath.startsWith(p + "/"))
          || resourcePath.contains(".")) {
        return null;
      }
      var index = new ClassPathResource(INDEX);
      return index.exists() ? index : null;
    }
  }
}
