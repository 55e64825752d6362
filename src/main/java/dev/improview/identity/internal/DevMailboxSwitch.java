package dev.improview.identity.internal;

import dev.improview.identity.AuthMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Whether the dev mailbox is listed: in local mode without SMTP, or with {@code
 * improview.auth.dev-mailbox=true}; never under the {@code prod} profile, whatever is set, since it
 * shows anyone the links that sign others in.
 */
@Component
class DevMailboxSwitch {

  private static final Logger log = LoggerFactory.getLogger(DevMailboxSwitch.class);

  private final boolean enabled;

  DevMailboxSwitch(AuthProperties properties, Mailbox mailbox, Environment environment) {
    boolean prod = environment.acceptsProfiles(Profiles.of("prod"));
    boolean wanted =
        !mailbox.usesSmtp() && (properties.authMode() == AuthMode.LOCAL || properties.devMailbox());
    if (prod && properties.devMailbox()) {
      log.warn("improview.auth.dev-mailbox is ignored under the prod profile");
    }
    this.enabled = wanted && !prod;
  }

  boolean enabled() {
    return enabled;
  }
}
