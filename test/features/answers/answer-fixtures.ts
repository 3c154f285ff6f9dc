// Shared fixtures for the answer tests: the real content packs (through the content loader) and input builders.
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { AnswerInput } from "../../../src/features/answers/index.js";
import { createPlanEngine } from "../../../src/features/answers/index.js";
import { loadContent } from "../../../src/content/index.js";

export const contentDir = resolve(dirname(fileURLToPath(import.meta.url)), "../../../content");
export const library = loadContent(contentDir);
export const plans = createPlanEngine(library.packs.values());

/** An input for `pack` with defaults: Vietnamese, no entities, today 2026-11-20. */
export function input(pack: string, fields: Partial<Omit<AnswerInput, "pack">> = {}): AnswerInput {
  return {
    text: "",
    intent: "festival_dates",
    language: "vi",
    entities: {},
    today: "2026-11-20",
    pack: library.pack(pack),
    plans,
    ...fields,
  };
}
