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
   * ({@code "' has 2 values; f takes 1"}), or empty when they fit.
   */
  static Optional<String> misfit(Signature signature, JsonNode args) {
    if (args == null || !args.isArray()) {
      return Optional.of("' must be an array with one value per parameter");
    }
    var params = signature.params();
    if (args.size() != params.size()) {
      return Optional.of(
          "' has " + args.size() + " values; " + signature.function() + " takes " + params.size());
    }
    for (int i = 0; i < params.size(); i++) {
      var param = params.get(i);
      if (!param.type().accepts(args.get(i))) {
        return Optional.of(
            "["
                + i
                + "]' ("
                + param.name()
                + ") must be "
                + param.type()
                + ", got "
                + abbreviate(args.get(i)));
      }
    }
    return Optional.empty();
  }

  static String abbreviate(JsonNode value) {
    var text = String.valueOf(value);
    return text.length() <= 60 ? text : text.substring(0, 57) + "...";
  }
}
