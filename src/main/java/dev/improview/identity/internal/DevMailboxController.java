package dev.improview.identity.internal;

import dev.improview.platform.ApiProblems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/dev/mailbox}: the mail a server without SMTP would have sent, newest first. */
@RestController
@Tag(name = "Sign-in")
class DevMailboxController {

  static final int SHOWN = 50;

  private final Mailbox mailbox;
  private final DevMailboxSwitch devMailbox;

  DevMailboxController(Mailbox mailbox, DevMailboxSwitch devMailbox) {
    this.mailbox = mailbox;
    this.devMailbox = devMailbox;
  }

  @GetMapping("/api/dev/mailbox")
  @Operation(summary = "The dev mailbox (local mode, or IMPROVIEW_DEV_MAILBOX=true; never in prod)")
  List<Mailbox.Mail> list() {
    if (!devMailbox.enabled()) {
      throw ApiProblems.notFound(
          "The dev mailbox is off: this server sends mail through SMTP, or runs in accounts mode"
              + " without IMPROVIEW_DEV_MAILBOX=true, or under the prod profile.");
    }
    return mailbox.newest(SHOWN);
  }
}
