package dev.improview.platform;

import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Whose request this is. Until sign-in exists every request is the local account's (seeded by
 * V5__attempts.sql); the identity work replaces this with the signed-in user.
 */
@Component
public class CurrentAccount {

  public static final UUID LOCAL = UUID.fromString("00000000-0000-0000-0000-000000000001");

  public UUID id() {
    return LOCAL;
  }
}
