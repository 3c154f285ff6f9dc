import { readdirSync } from "node:fs";

/** The collection names present in a data folder ("conversations-07.jsonl" and "events.jsonl" give both names once). */
export function collectionNames(dir: string): string[] {
  const names = new Set<string>();
  for (const file of safeReaddir(dir)) {
    const match = /^([a-z0-9_-]+?)(?:-\d{2})?\.jsonl$/i.exec(file);
    if (match) names.add(match[1]);
  }
  return [...names].sort();
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
