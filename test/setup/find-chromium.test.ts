import { describe, expect, it } from "vitest";
import { ChromiumMissing, ensureChromium, INSTALL_COMMAND, type ChromiumHost } from "./find-chromium.js";

/** A machine where `files` are executable; apt-get "installs" /usr/bin/chromium when `installWorks`. */
function host(options: { files?: string[]; root?: boolean; installWorks?: boolean; env?: Record<string, string> }) {
  const files = new Set(options.files ?? []);
  const ran: string[] = [];
  const said: string[] = [];
  const machine: ChromiumHost = {
    env: options.env ?? {},
    isExecutable: (file) => files.has(file),
    isRoot: () => options.root ?? false,
    run(command, args) {
      ran.push([command, ...args].join(" "));
      if (args[0] === "install" && options.installWorks) files.add("/usr/bin/chromium");
      return options.installWorks === false ? 100 : 0;
    },
    say: (line) => void said.push(line),
  };
  return { machine, ran, said };
}

describe("the browser tests' chromium on a fresh machine", () => {
  it("uses Debian's chromium when it is there, installing nothing", () => {
    const { machine, ran } = host({ files: ["/usr/bin/chromium", "/usr/bin/apt-get"], root: true });
    expect(ensureChromium(machine)).toBe("/usr/bin/chromium");
    expect(ran).toEqual([]);
  });

  it("finds Ubuntu's chromium-browser and honours CHROMIUM_PATH", () => {
    expect(ensureChromium(host({ files: ["/usr/bin/chromium-browser"] }).machine)).toBe("/usr/bin/chromium-browser");
    expect(ensureChromium(host({ files: ["/opt/c/chrome"], env: { CHROMIUM_PATH: "/opt/c/chrome" } }).machine)).toBe("/opt/c/chrome");
    expect(() => ensureChromium(host({ env: { CHROMIUM_PATH: "/nope" } }).machine)).toThrow(/CHROMIUM_PATH=\/nope/);
  });

  it("installs it with apt-get as root, saying so on the console", () => {
    const { machine, ran, said } = host({ files: ["/usr/bin/apt-get"], root: true, installWorks: true });
    expect(ensureChromium(machine)).toBe("/usr/bin/chromium");
    expect(ran).toEqual(["apt-get update -qq", "apt-get install -y -qq --no-install-recommends chromium"]);
    expect(said.join("\n")).toMatch(/installing Debian's package with apt-get/);
  });

  it("fails with the command to run when it cannot install (not root, no apt-get, apt-get failing)", () => {
    for (const machine of [
      host({ files: ["/usr/bin/apt-get"], root: false }).machine,
      host({ root: true }).machine,
      host({ files: ["/usr/bin/apt-get"], root: true, installWorks: false }).machine,
    ]) {
      let error: unknown;
      try {
        ensureChromium(machine);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ChromiumMissing);
      expect((error as Error).message).toContain(INSTALL_COMMAND);
    }
  });
});
