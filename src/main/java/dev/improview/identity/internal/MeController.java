package dev.improview.identity.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.improview.identity.AuthMode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who is signed in, and how this server signs people in. */
@RestController
@Tag(name = "Sign-in")
class MeController {

  /** The account; {@code email} is sent as {@code null} for the local account, never left out. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record Me(UUID id, String email, List<String> roles) {}

  record Options(String mode, boolean devMailbox) {}

  private final AuthProperties properties;
  private final DevMailboxSwitch devMailbox;

  MeController(AuthProperties properties, DevMailboxSwitch devMailbox) {
    this.properties = properties;
    this.devMailbox = devMailbox;
  }

  @GetMapping("/api/me")
  @Operation(summary = "The signed-in account (401 when nobody is signed in)")
  Me me(@AuthenticationPrincipal AccountUser user) {
    if (user == null) {
      throw new dev.improview.platform.CurrentAccount.NotSignedInException();
    }
    return new Me(user.id(), user.email(), user.roleIds());
  }

  @GetMapping("/api/auth/options")
  @Operation(summary = "How this server signs people in (public; also renews the CSRF cookie)")
  Options options() {
    AuthMode mode = properties.authMode();
    return new Options(mode.id(), devMailbox.enabled());
  }
}
