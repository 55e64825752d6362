package dev.improview.execution.internal.harness;

/**
 * The sandboxed process said something the protocol does not allow: a forged or malformed event.
 * Only code running inside the sandbox can cause it, so it is that code's fault, never ours.
 */
final class ProtocolViolation extends Exception {

  ProtocolViolation(String message) {
    super(message, null, false, false);
  }
}
