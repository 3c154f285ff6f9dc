import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { hostname } from "node:os";
import { channelStatus, CONFIG_VARIABLES, ConfigError, instanceIdOf, loadConfig } from "../../src/config.js";
import { createLogger, maskPhones } from "../../src/logger.js";

describe("configuration", () => {
  it(".env.example lists every variable, each under a comment", () => {
    const example = readFileSync(".env.example", "utf8").split("\n");
    const listed = new Map(example.flatMap((line, index) => (/^#? ?([A-Z][A-Z0-9_]+)=/.test(line) ? [[/^#? ?([A-Z][A-Z0-9_]+)=/.exec(line)![1]!, index] as const] : [])));
    const missing = CONFIG_VARIABLES.filter((name) => !listed.has(name));
    expect(missing).toEqual([]);
    // Each variable has a comment above it (directly, or above the group of variables it belongs to).
    for (const name of CONFIG_VARIABLES) {
      let line = listed.get(name)! - 1;
      while (line >= 0 && /^#? ?[A-Z][A-Z0-9_]+=/.test(example[line]!)) line--;
      expect(example[line], `${name} has no comment above it`).toMatch(/^#/);
    }
  });

  it("starts with no channel credentials at all, both channels off", () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.STORE).toBe("lowdb");
    const status = channelStatus(config);
    expect(status.zalo).toBe(false);
    expect(status.messenger).toBe(false);
    expect(status.missing.zalo).toContain("ZALO_OA_SECRET_KEY");
  });

  it("a wrong value stops start-up with a message naming the variable", () => {
    expect(() => loadConfig({ PORT: "eighty" })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: "eighty" })).toThrow(/PORT/);
    expect(() => loadConfig({ BOT_TODAY: "25/11/2026" })).toThrow(/BOT_TODAY/);
    expect(() => loadConfig({ ZALO_API_BASE: "not a url" })).toThrow(/ZALO_API_BASE/);
    expect(() => loadConfig({ STORE: "postgres" })).toThrow(/DATABASE_URL/);
  });

  it("lists staff ids", () => {
    expect(loadConfig({ STAFF_ZALO_USER_IDS: " 1, 2 ,,3" }).STAFF_ZALO_USER_IDS).toEqual(["1", "2", "3"]);
  });
});

describe("logging", () => {
  it("never writes tokens, secrets or phone numbers", () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const log = createLogger("info", sink);
    log.info({ access_token: "tok-SECRET", nested: { refresh_token: "ref-SECRET", note: "gọi 0912345678 nhé" }, headers: { authorization: "Bearer x" } }, "call +84912345678 now");
    const out = lines.join("");
    expect(out).not.toContain("tok-SECRET");
    expect(out).not.toContain("ref-SECRET");
    expect(out).not.toContain("0912345678");
    expect(out).not.toContain("912345678");
    expect(out).not.toContain("Bearer x");
    expect(JSON.parse(out).msg).toContain("call");
  });

  it("masks phone numbers keeping only the ends", () => {
    expect(maskPhones("sdt 0912345678")).toBe("sdt 09******78");
  });

  it("names the instance in Redis: INSTANCE_ID, else hostname:PORT; with PORT=0 (a port the system picks) each process its own", () => {
    expect(instanceIdOf(loadConfig({ INSTANCE_ID: "vanhoa-1" }))).toBe("vanhoa-1");
    expect(instanceIdOf(loadConfig({ PORT: "3001" }))).toBe(`${hostname()}:3001`);
    expect(instanceIdOf(loadConfig({ PORT: "0" }))).toMatch(new RegExp(`^${hostname().replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:0:[0-9a-f-]{36}$`));
    expect(() => loadConfig({ INSTANCE_ID: "two words" })).toThrow(/INSTANCE_ID/);
  });
});
