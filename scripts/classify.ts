/**
 * `npm run -s classify`: one message per line on stdin → one JSON object per line on stdout, same order:
 * {"text", "intent", "confidence", "entities"}. Nothing else goes to stdout (diagnostics go to stderr).
 *
 * Options: --today=YYYY-MM-DD (default: today in Vietnam), --lang=vi|en|zh|ko (the previous language hint),
 * --content=DIR (default: content).
 *
 * @example echo "hoi lim nam nay ngay nao" | npm run -s classify
 */

import { createInterface } from "node:readline";
import { loadCatalog } from "./lib/catalog.js";
import { createUnderstander, type Language } from "../src/nlu/index.js";

const option = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
const today = option("today");
const previousLanguage = option("lang") as Language | undefined;

const nlu = createUnderstander({ catalog: loadCatalog(option("content") ?? "content") });
const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of lines) {
  const u = nlu.understand(line, { today, previousLanguage });
  process.stdout.write(JSON.stringify({ text: u.text, intent: u.intent, confidence: u.confidence, entities: u.entities }) + "\n");
}
