import { spawnSync } from "node:child_process";
import { accessSync, constants } from "node:fs";

/**
 * Where the browser tests' chromium comes from on a machine that has only Node and the OS package manager:
 * Debian's package, found where it installs, or installed with apt-get when the tests run as root. Never a
 * browser download (playwright-core's own browsers are not used).
 */

/** Where Debian and Ubuntu put the binary (CHROMIUM_PATH wins when set). */
export const CHROMIUM_CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

/** The command a person runs when the tests cannot install chromium themselves. */
export const INSTALL_COMMAND = "sudo apt-get update && sudo apt-get install -y chromium";

/** What {@link ensureChromium} touches, swappable in its test. */
export interface ChromiumHost {
  env: Record<string, string | undefined>;
  isExecutable(file: string): boolean;
  isRoot(): boolean;
  /** Runs a command with the console attached; returns its exit code. */
  run(command: string, args: string[]): number;
  say(line: string): void;
}

/** The real machine. */
export const realHost: ChromiumHost = {
  env: process.env,
  isExecutable(file) {
    try {
      accessSync(file, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  },
  isRoot: () => process.getuid?.() === 0,
  run(command, args) {
    const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
    return result.status ?? 1;
  },
  say: (line) => console.log(line),
};

/** Raised when chromium is missing and cannot be installed here: the message names the command to run. */
export class ChromiumMissing extends Error {
  constructor(reason: string) {
    super(
      `The browser tests need Debian's chromium, and ${reason}.\n` +
        `Install it with:\n    ${INSTALL_COMMAND}\n` +
        "or point CHROMIUM_PATH at a chromium binary, then run `npm test` again.",
    );
    this.name = "ChromiumMissing";
  }
}

function findInstalled(host: ChromiumHost): string | undefined {
  const fromEnv = host.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (host.isExecutable(fromEnv)) return fromEnv;
    throw new ChromiumMissing(`CHROMIUM_PATH=${fromEnv} is not an executable file`);
  }
  return CHROMIUM_CANDIDATES.find((file) => host.isExecutable(file));
}

/**
 * The path of a chromium binary: found, or installed with apt-get (saying so on the console) when running as
 * root on a machine with apt-get; otherwise a {@link ChromiumMissing} error naming the command to run.
 *
 * @example const chromium = ensureChromium(); // "/usr/bin/chromium"
 */
export function ensureChromium(host: ChromiumHost = realHost): string {
  const found = findInstalled(host);
  if (found) return found;
  if (!host.isExecutable("/usr/bin/apt-get")) throw new ChromiumMissing("it is not installed and this machine has no apt-get");
  if (!host.isRoot()) throw new ChromiumMissing("it is not installed (installing it needs root)");
  host.say("\n[npm test] chromium is not installed: installing Debian's package with apt-get (once, about a minute)…");
  if (host.run("apt-get", ["update", "-qq"]) !== 0 || host.run("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "chromium"]) !== 0) {
    throw new ChromiumMissing("`apt-get install chromium` failed (see its output above)");
  }
  const installed = CHROMIUM_CANDIDATES.find((file) => host.isExecutable(file));
  if (!installed) throw new ChromiumMissing("apt-get finished but no chromium binary appeared");
  host.say(`[npm test] chromium installed at ${installed}.\n`);
  return installed;
}
