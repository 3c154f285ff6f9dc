import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import YAML from "yaml";
import { describe, expect, it } from "vitest";
import { BUILD_CACHE_DIR } from "../../src/build-cache.js";
import { parseYamlCached } from "../../src/cached-yaml.js";
import { trainClassifier } from "../../src/nlu/classifier.js";
import { trainClassifierCached } from "../../src/nlu/cached-training.js";

/** The entries of a kind written while `run` ran. */
function written(kind: string, run: () => void): string[] {
  const list = () => {
    try {
      return readdirSync(join(BUILD_CACHE_DIR, kind));
    } catch {
      return [];
    }
  };
  const before = new Set(list());
  run();
  return list().filter((name) => !before.has(name) && !name.endsWith(".tmp"));
}

describe("build cache (.cache/)", () => {
  it("gives the parsed YAML of a text read before, and parses it again when its entry is corrupt", () => {
    const text = `marker: "${randomUUID()}"\nitems:\n  - lễ hội\n  - { name: Đền Đô, year: 2026 }\n`;
    const expected = YAML.parse(text);
    let entries: string[] = [];
    const first = () => (entries = written("yaml", () => expect(parseYamlCached(text).data).toEqual(expected)));
    first();
    expect(entries).toHaveLength(1);
    const file = join(BUILD_CACHE_DIR, "yaml", entries[0]!);
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual(expected);
    expect(parseYamlCached(text).data).toEqual(expected);
    writeFileSync(file, '{"marker": "half a file');
    expect(parseYamlCached(text).data).toEqual(expected);
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual(expected);
  });

  it("reports YAML syntax errors and keeps nothing for them", () => {
    const text = `key: [unclosed ${randomUUID()}\n`;
    expect(written("yaml", () => expect(parseYamlCached(text).errors?.length).toBeGreaterThan(0))).toEqual([]);
  });

  it("does not keep what JSON would change (.inf)", () => {
    const text = `limit: .inf\nmarker: ${randomUUID()}\n`;
    expect(written("yaml", () => expect(parseYamlCached(text).data).toMatchObject({ limit: Infinity }))).toEqual([]);
  });

  it("reads back the classifier's weights: the same predictions as training afresh, and a corrupt entry is trained again", () => {
    const marker = randomUUID();
    const rows = [
      { features: ["fchao", "fxin", marker], label: 0 },
      { features: ["fgia", "fve"], label: 1 },
      { features: ["fhoi", "flim", "fngay"], label: 2 },
      { features: ["fchao", "fban"], label: 0 },
    ];
    const fresh = trainClassifier(rows, 3);
    let entries: string[] = [];
    entries = written("classifier", () => trainClassifierCached(rows, 3));
    expect(entries).toHaveLength(1);
    const probe = ["fchao", "flim", "unknown"];
    expect([...trainClassifierCached(rows, 3).predict(probe)]).toEqual([...fresh.predict(probe)]);
    writeFileSync(join(BUILD_CACHE_DIR, "classifier", entries[0]!), Buffer.from([9, 0, 0, 0, 1, 2]));
    expect([...trainClassifierCached(rows, 3).predict(probe)]).toEqual([...fresh.predict(probe)]);
    expect(trainClassifierCached(rows, 3).knows(marker)).toBe(true);
  });
});
