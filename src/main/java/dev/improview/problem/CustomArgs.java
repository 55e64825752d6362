package dev.improview.problem;

import dev.improview.execution.Signature;
import dev.improview.problem.JudgeRejection.Reason;
import tools.jackson.databind.JsonNode;

/** Checks a candidate's own test arguments against the signature before anything runs. */
final class CustomArgs {

  private CustomArgs() {}

  static JsonNode check(Signature signature, JsonNode args, int index) {
    var path = "customTests[" + index + "].args";
    if (args == null || !args.isArray()) {
      throw rejected("'" + path + "' must be an array with one value per parameter");
    }
    var params = signature.params();
    if (args.size() != params.size()) {
      throw rejected(
          "'"
              + path
              + "' has "
              + args.size()
              + " values; "
              + signature.function()
              + " takes "
              + params.size());
    }
    for (int i = 0; i < params.size(); i++) {
      var param = params.get(i);
      if (!param.type().accepts(args.get(i))) {
        throw rejected(
            "'"
                + path
                + "["
                + i
                + "]' ("
                + param.name()
                + ") must be "
                + param.type()
                + ", got "
                + abbreviate(args.get(i)));
      }
    }
    return args;
  }

  private static JudgeRejection rejected(String detail) {
    return new JudgeRejection(Reason.INVALID_ARGUMENTS, detail);
  }

  private static String abbreviate(JsonNode value) {
    var text = String.valueOf(value);
    return text.length() <= 60 ? text : text.substring(0, 57) + "...";
  }
}
