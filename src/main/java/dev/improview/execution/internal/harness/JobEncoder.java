package dev.improview.execution.internal.harness;

import dev.improview.execution.ExecutionRequest;
import dev.improview.execution.Parameter;
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
    ObjectNode signature = job.putObject("signature");
    signature.put("function", request.signature().functionName(request.language()));
    ArrayNode params = signature.putArray("params");
    List<String> names = request.signature().paramNames(request.language());
    for (int i = 0; i < names.size(); i++) {
      Parameter param = request.signature().params().get(i);
      params.addObject().put("name", names.get(i)).put("type", param.type().toString());
    }
    signature.put("returns", request.signature().returns().toString());
    job.put("tests", request.tests().size());
    ObjectNode limits = job.putObject("limits");
    limits.put("outputBytesPerStream", request.limits().outputBytesPerStream());
    limits.put("resultBytes", properties.resultBytes());
    limits.put("stackBytes", properties.stackBytes());
    limits.put("recursionLimit", properties.recursionLimit());
    return line(job);
  }

  byte[] test(TestCase test) {
    ObjectNode line = json.createObjectNode();
    line.set("args", test.args());
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
