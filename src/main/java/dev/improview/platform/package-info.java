/** Cross-cutting server plumbing: the database, error responses, the SPA and HTTP headers. */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package dev.improview.platform;
