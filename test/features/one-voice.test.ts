import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * One voice (issue 14, item 8): the bot calls itself "mình" in every Vietnamese text it says — texts files, the
 * `vi:` strings in code, content — never "tôi"/"Tôi". "tôi" may appear only as the person's own words: inside
 * “…” quotes (“phản ánh của tôi”), in what the person taps (Messenger ice breakers), and in staff's own voice
 * (the console's placeholder for a staff reply). Intents and test data are the people's words and are not read.
 */

const ROOT = path.resolve(import.meta.dirname, "../..");
const SELF = /(?<![\p{L}])[Tt]ôi(?![\p{L}])/u;

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full, ext) : ext.test(name) ? [full] : [];
  });
}

/** Drops what the person says: quoted “…” words. */
const withoutQuotes = (text: string) => text.replace(/“[^”]*”/g, "");

describe("the bot speaks as “mình”", () => {
  it("in every texts file (vi)", () => {
    const offending: string[] = [];
    for (const file of files(path.join(ROOT, "src"), /-texts\.json$/)) {
      const visit = (value: unknown, where: string): void => {
        if (typeof value === "string") return;
        if (value && typeof value === "object") {
          for (const [key, inner] of Object.entries(value)) {
            if (key === "vi" && typeof inner === "string" && SELF.test(withoutQuotes(inner))) offending.push(`${path.relative(ROOT, file)} ${where}`);
            else visit(inner, `${where}.${key}`);
          }
        }
      };
      visit(JSON.parse(readFileSync(file, "utf8")), "");
    }
    expect(offending).toEqual([]);
  });

  it("in the Vietnamese strings of the code", () => {
    const offending: string[] = [];
    for (const file of files(path.join(ROOT, "src"), /\.ts$/)) {
      if (file.includes(`${path.sep}nlu${path.sep}`)) continue; // word lists of what people write
      readFileSync(file, "utf8")
        .split("\n")
        .forEach((line, i) => {
          const code = line.trim();
          if (code.startsWith("//") || code.startsWith("*") || code.startsWith("/*")) return; // comments quote people
          for (const literal of code.match(/vi:\s*(["`])(?:\\.|(?!\1).)*\1/g) ?? []) {
            if (SELF.test(withoutQuotes(literal))) offending.push(`${path.relative(ROOT, file)}:${i + 1}`);
          }
        });
    }
    expect(offending).toEqual([]);
  });

  it("in the content packs", () => {
    const offending = files(path.join(ROOT, "content"), /\.ya?ml$/).filter((file) => !file.includes(`${path.sep}plans${path.sep}`) && SELF.test(withoutQuotes(readFileSync(file, "utf8"))));
    expect(offending.map((file) => path.relative(ROOT, file))).toEqual([]);
  });

  it("catches a slip (the check itself can fail)", () => {
    expect(SELF.test(withoutQuotes("Xin lỗi, tôi chưa hiểu ý bạn."))).toBe(true);
    expect(SELF.test(withoutQuotes("nhắn “phản ánh của tôi” để xem"))).toBe(false);
    expect(SELF.test("Mình là trợ lý")).toBe(false);
  });
});
