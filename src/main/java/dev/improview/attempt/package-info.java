/**
 * A user's attempts at problems: opening or resuming one, its server-owned timer, its events, and
 * giving up.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Attempts")
package dev.improview.attempt;
