/** Problems: the format, the built-in bank, storage and the read API. */
@org.springframework.modulith.ApplicationModule(displayName = "Problems")
package dev.improview.problem;
