package dev.improview.run;

import dev.improview.execution.Signature;
import dev.improview.platform.ApiProblems;
import tools.jackson.databind.JsonNode;

/** Checks a candidate's own test arguments against the signature before anything runs. */
final class CustomArgs {

  private CustomArgs() {}

  static JsonNode check(Signature signature, RunController.CustomTest test, int index) {
    var path = "customTests[" + index + "].args";
    if (test == null || test.args() == null || !test.args().isArray()) {
      throw ApiProblems.badRequest("'" + path + "' must be an array with one value per parameter");
    }
    var args = test.args();
    var params = signature.params();
    if (args.size() != params.size()) {
      throw ApiProblems.badRequest(
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
        throw ApiProblems.badRequest(
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

  private static String abbreviate(JsonNode value) {
    var text = String.valueOf(value);
    return text.length() <= 60 ? text : text.substring(0, 57) + "...";
  }
}
