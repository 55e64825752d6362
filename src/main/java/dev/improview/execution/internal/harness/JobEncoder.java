package dev.improview.execution.internal.harness;

import dev.improview.execution.DesignClass;
import dev.improview.execution.ExecutionRequest;
import dev.improview.execution.Language;
import dev.improview.execution.Method;
import dev.improview.execution.Parameter;
import dev.improview.execution.Signature;
import dev.improview.execution.TestCase;
import java.util.List;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The job as the harness reads it from stdin: a header line (nonce, code, signature, limits), then
 * one line per test with its arguments only, sent when the server starts that test. Expected values
 * never enter the sandbox, and a test's arguments exist inside it only from the moment its clock
 * runs.
 */
final class JobEncoder {

  private final ObjectMapper json;

  JobEncoder(ObjectMapper json) {
    this.json = json;
  }

  byte[] header(ExecutionRequest request, String nonce, ExecutionProperties properties) {
    ObjectNode job = json.createObjectNode();
    job.put("nonce", nonce);
    job.put("language", request.language().id());
    job.put("code", request.code());
    signature(job.putObject("signature"), request.signature(), request.language());
    job.put("tests", request.tests().size());
    ObjectNode limits = job.putObject("limits");
    limits.put("outputBytesPerStream", request.limits().outputBytesPerStream());
    limits.put("resultBytes", properties.resultBytes());
    limits.put("stackBytes", properties.stackBytes());
    limits.put("recursionLimit", properties.recursionLimit());
    return line(job);
  }

  /**
   * The signature with names in the language's convention; a design class's methods also carry the
   * name {@code ops} uses ({@code call}).
   */
  private static void signature(ObjectNode out, Signature signature, Language language) {
    if (!signature.isClass()) {
      out.put("function", signature.functionName(language));
      params(out, signature.params(), language);
      out.put("returns", signature.returns().toString());
      return;
    }
    DesignClass design = signature.design();
    out.put("kind", "class");
    out.put("className", design.className());
    params(out.putObject("constructor"), design.constructor(), language);
    ArrayNode methods = out.putArray("methods");
    for (Method method : design.methods()) {
      ObjectNode m = methods.addObject();
      m.put("call", method.name());
      m.put("name", method.name(language));
      params(m, method.params(), language);
      m.put("returns", method.returns().toString());
    }
  }

  private static void params(ObjectNode out, List<Parameter> params, Language language) {
    ArrayNode array = out.putArray("params");
    List<String> names = Signature.names(params, language);
    for (int i = 0; i < names.size(); i++) {
      array.addObject().put("name", names.get(i)).put("type", params.get(i).type().toString());
    }
  }

  /** A test's line: its arguments in their one JSON form (bigints as strings, trees trimmed). */
  byte[] test(Signature signature, TestCase test) {
    ObjectNode line = json.createObjectNode();
    line.set("args", signature.canonicalArgs(test.args()));
    return line(line);
  }

  private byte[] line(ObjectNode node) {
    // Jackson escapes control characters, so the document itself never contains a newline.
    byte[] body = json.writeValueAsBytes(node);
    byte[] line = new byte[body.length + 1];
    System.arraycopy(body, 0, line, 0, body.length);
    line[body.length] = '\n';
    return line;
  }
}
