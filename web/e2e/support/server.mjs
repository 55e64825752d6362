// Starts the real server jar on a free port with a throwaway embedded database, for browser tests.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const jar = process.env.IMPROVIEW_JAR;

function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

async function waitForHealth(baseUrl, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`server exited with code ${child.exitCode} before it was healthy`);
    }
    try {
      const response = await fetch(`${baseUrl}/actuator/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server not healthy within ${timeoutMs} ms`);
}

// A browser test runs, submits and generates far faster than a person, from one address: its
// per-account and per-address limits are raised (a test may still set its own through `env`).
const robotLimits = Object.fromEntries(
  ["RUN", "SUBMISSION", "GENERATION", "MAGICLINKIP", "MAGICLINKEMAIL", "SIGNINIP"].map((id) => [
    `IMPROVIEW_RATELIMIT_LIMITS_${id}_CAPACITY`,
    "100000",
  ]),
);

/**
 * Starts the jar; returns its base URL, its captured log and a stop function. `host` names the
 * server in its base URL: WebAuthn refuses an IP address as the rp id, so a passkey test passes
 * "localhost".
 */
export async function startServer({ timeoutMs = 120_000, env = {}, host = "127.0.0.1" } = {}) {
  if (!jar) throw new Error("IMPROVIEW_JAR is not set: run the browser tests through Maven");
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), "improview-e2e-"));
  const javaHome = process.env.JAVA_HOME;
  const java = javaHome ? join(javaHome, "bin", "java") : "java";
  const log = [];
  const baseUrl = `http://${host}:${port}`;
  // Mailed sign-in links point here, not at the server's default http://localhost:<port>, whose
  // cookies the browser would keep apart from this origin's.
  const child = spawn(java, ["-jar", resolve(jar), `--server.port=${port}`], {
    env: {
      ...process.env,
      IMPROVIEW_DATA_DIR: dataDir,
      IMPROVIEW_PUBLIC_URL: baseUrl,
      ...robotLimits,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.on("data", (chunk) => log.push(chunk.toString()));
  child.stderr.on("data", (chunk) => log.push(chunk.toString()));
  try {
    await waitForHealth(baseUrl, child, timeoutMs);
  } catch (error) {
    child.kill("SIGKILL");
    throw new Error(`${error.message}\n--- server log ---\n${log.join("")}`);
  }
  return {
    baseUrl,
    log,
    async stop() {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(timer);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
