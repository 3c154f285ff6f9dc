/**
 * Chinese and Korean translations staff have not reviewed yet: every text map of a content item whose zh or ko
 * text has no `reviewed: { <lang>: true }`. The console lists them so staff can check and tick them.
 *
 * @example unreviewedIn({ id: "hoi-lim", names: { vi: "Hội Lim", zh: "林会" } }) // [{ path: "names", lang: "zh" }]
 */
import { unreviewed, type Text } from "../../../content/index.js";

/** The translation languages the console reviews, with their Vietnamese names. */
export const REVIEWED_LANGUAGES = [
  { lang: "zh", name: "Tiếng Trung" },
  { lang: "ko", name: "Tiếng Hàn" },
] as const;

/** One translation waiting for review. */
export interface PendingTranslation {
  /** The field ("names", "description", "audience.note"). */
  path: string;
  lang: "zh" | "ko";
}

function isText(value: unknown): value is Text {
  return !!value && typeof value === "object" && typeof (value as { vi?: unknown }).vi === "string";
}

/** The unreviewed zh/ko translations of one item, field by field (nested maps included). */
export function unreviewedIn(item: Record<string, unknown>, prefix = ""): PendingTranslation[] {
  const out: PendingTranslation[] = [];
  for (const [key, value] of Object.entries(item)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (isText(value)) {
      for (const { lang } of REVIEWED_LANGUAGES) if (unreviewed(value, lang)) out.push({ path, lang });
    } else if (value && typeof value === "object" && !Array.isArray(value)) out.push(...unreviewedIn(value as Record<string, unknown>, path));
  }
  return out;
}
