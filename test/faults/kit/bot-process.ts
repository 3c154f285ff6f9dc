import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream } from "node:fs";
import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";

/**
 * The bot as a child process (`node --import tsx src/main.ts`), as in production, so it can be killed with
 * SIGKILL at any moment — what an in-process test cannot do. Its output goes to a log file for post-mortems.
 */

/** The repository root (where src/main.ts and content/ are). */
export const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));

/** A free loopback port (closed again; the child binds it). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A running bot child. */
export interface BotProcess {
  child: ChildProcess;
  url: string;
  /** Milliseconds from spawn to the first 200 on /healthz. */
  startupMs: number;
  /** SIGKILL, then waits for the exit. */
  kill9(): Promise<void>;
  /** SIGTERM (the bot finishes queued messages and flushes the store), then waits for the exit code. */
  stop(): Promise<number | null>;
}

/** Raised when the bot did not come up: the thing the kill test must never see. */
export class StartupFailed extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StartupFailed";
  }
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

/**
 * Starts the bot with `env` on `port` and waits until /healthz answers (or throws {@link StartupFailed}).
 *
 * @example const bot = await startBot({ DATA_DIR: dir, ZALO_API_BASE: stub.url, ... }, port, "/tmp/bot.log");
 */
export async function startBot(env: Record<string, string>, port: number, logFile: string, timeoutMs = 30_000): Promise<BotProcess> {
  const started = performance.now();
  const log = createWriteStream(logFile, { flags: "a" });
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  // A child outliving its runner (a test timeout, Ctrl-C on the soak) would keep the port and the folder busy.
  const reap = () => child.kill("SIGKILL");
  process.once("exit", reap);
  child.once("exit", () => process.off("exit", reap));
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new StartupFailed(`bot exited with ${child.exitCode} during start-up (see ${logFile})`);
    if (performance.now() - started > timeoutMs) {
      child.kill("SIGKILL");
      throw new StartupFailed(`bot did not answer /healthz within ${timeoutMs} ms (see ${logFile})`);
    }
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  const startupMs = performance.now() - started;
  return {
    child,
    url,
    startupMs,
    async kill9() {
      child.kill("SIGKILL");
      await exited(child);
    },
    async stop() {
      child.kill("SIGTERM");
      return exited(child);
    },
  };
}
