package dev.improview.problem;

import dev.improview.execution.Signature;
import dev.improview.problem.JudgeRejection.Reason;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Checks arguments that did not come from the document against the signature before anything runs
 * on them: a candidate's own test, or what an input generator returned from the sandbox.
 */
final class CustomArgs {

  private CustomArgs() {}

  static JsonNode check(Signature signature, JsonNode args, int index) {
    var path = "customTests[" + index + "].args";
    var misfit = misfit(signature, args);
    if (misfit.isPresent()) {
      throw new JudgeRejection(Reason.INVALID_ARGUMENTS, "'" + path + misfit.get());
    }
    return args;
  }

  /**
   * What keeps {@code args} from fitting the signature, worded to follow the arguments' quoted path
   * ({@code "' has 2 values; f takes 1 parameters"}, {@code "[0]' (nums) is not a valid int[]:
   * ..."}), or empty when they fit.
   */
  static Optional<String> misfit(Signature signature, JsonNode args) {
    var misfit = signature.argsMisfit(args);
    return misfit == null ? Optional.empty() : Optional.of(misfit.at() + "' " + misfit.problem());
  }

  static String abbreviate(JsonNode value) {
    var text = String.valueOf(value);
    return text.length() <= 60 ? text : text.substring(0, 57) + "...";
  }
}
