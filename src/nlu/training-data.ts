/**
 * Loading intent training data: intents/<intent>.yaml (Vietnamese and English), and intents/zh/<intent>.yaml,
 * intents/ko/<intent>.yaml (Chinese and Korean), each `{ intent: <label>, examples: [text, ...] }`.
 *
 * @example loadTrainingData("intents") // [{ text: "xin chào", intent: "greeting" }, ..., { text: "你好", intent: "greeting", language: "zh" }]
 */

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseYaml as parse } from "../cached-yaml.js";
import { fromPackageRoot } from "../package-root.js";
import { isIntentLabel, type IntentLabel } from "./intent-labels.js";
import type { Language } from "./language.js";

/** One labelled message. */
export interface LabelledMessage {
  text: string;
  intent: IntentLabel;
  /** Set for rows of a language folder (intents/zh/); the top-level files mix Vietnamese and English. */
  language?: Language;
}

/** The language folders under intents/. */
const LANGUAGE_FOLDERS = ["zh", "ko"] as const;

/** The repository's intents/ folder (src/nlu → ../../intents). */
export const DEFAULT_INTENTS_DIR = fromPackageRoot("intents");

/** Read every intents/*.yaml; an unknown label or a file without examples throws, naming the file. */
export function loadTrainingData(dir: string = DEFAULT_INTENTS_DIR): LabelledMessage[] {
  const rows = loadFolder(dir);
  for (const language of LANGUAGE_FOLDERS) {
    const sub = join(dir, language);
    if (existsSync(sub)) rows.push(...loadFolder(sub).map((row) => ({ ...row, language })));
  }
  return rows;
}

function loadFolder(dir: string): LabelledMessage[] {
  const rows: LabelledMessage[] = [];
  for (const name of readdirSync(dir).filter((f) => f.endsWith(".yaml")).sort()) {
    const file = join(dir, name);
    const data = parse(readFileSync(file, "utf8")) as { intent?: unknown; examples?: unknown } | null;
    const intent = String(data?.intent ?? name.replace(/\.yaml$/, ""));
    if (!isIntentLabel(intent)) throw new Error(`${file}: unknown intent "${intent}"`);
    if (!Array.isArray(data?.examples) || data.examples.length === 0) throw new Error(`${file}: "examples" must be a non-empty list`);
    for (const example of data.examples) rows.push({ text: String(example), intent });
  }
  return rows;
}

/** Read a labelled file shaped `{ <intent>: [text, ...] }` (the held-out fixture). */
export function loadLabelledMap(file: string): LabelledMessage[] {
  const data = parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  const rows: LabelledMessage[] = [];
  for (const [intent, texts] of Object.entries(data ?? {})) {
    if (!isIntentLabel(intent)) throw new Error(`${file}: unknown intent "${intent}"`);
    for (const text of (texts as unknown[]) ?? []) rows.push({ text: String(text), intent });
  }
  return rows;
}
