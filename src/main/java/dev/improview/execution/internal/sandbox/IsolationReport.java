package dev.improview.execution.internal.sandbox;

import java.util.List;
import java.util.stream.Collectors;

/** What isolation the machine offers, layer by layer, as found by the start-up probe. */
public record IsolationReport(String backend, List<Check> checks) {

  /** One isolation layer and whether it works here. */
  public record Check(String layer, boolean available, String detail) {
    public Check {
      if (layer == null || layer.isBlank()) {
        throw new IllegalArgumentException("layer is blank");
      }
      detail = detail == null ? "" : detail;
    }
  }

  public IsolationReport {
    if (backend == null || backend.isBlank()) {
      throw new IllegalArgumentException("backend is blank");
    }
    checks = List.copyOf(checks);
  }

  /** True when every layer is available. */
  public boolean complete() {
    return checks.stream().allMatch(Check::available);
  }

  public List<Check> missing() {
    return checks.stream().filter(check -> !check.available()).toList();
  }

  public boolean has(String layer) {
    return checks.stream().anyMatch(check -> check.layer().equals(layer) && check.available());
  }

  /** One line per layer, for the start-up log. */
  public String describe() {
    return "sandbox backend "
        + backend
        + checks.stream()
            .map(
                c ->
                    "\n  "
                        + (c.available() ? "[ok]      " : "[MISSING] ")
                        + c.layer()
                        + ": "
                        + c.detail())
            .collect(Collectors.joining());
  }
}
