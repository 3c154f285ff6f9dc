import path from "node:path";
import { z } from "zod";
import { ContentError, type ContentIssue } from "../content/content-error.js";
import { fsSource, readYaml, type ContentSource } from "../content/read-yaml.js";
import { nonEmpty } from "../content/schema/common.js";

/**
 * The privacy texts of a content pack: `content/<pack>/privacy.yaml`, inherited along `extends` (a ward pack uses
 * its province's file unless it has its own). Placeholders filled when shown: {office} (the pack's office, the data
 * controller), {days} (TRANSCRIPT_RETENTION_DAYS), {link} (the privacy page). See docs/privacy.md.
 */

/** Both languages are required: the notice is shown to everyone before their data is asked for. */
const bilingual = z.strictObject({ vi: nonEmpty, en: nonEmpty });

export const privacyFileSchema = z.strictObject({
  /** The short notice shown before a dialog first asks for a name or phone (a few lines, then the link). */
  notice: bilingual,
  /** The privacy page served by the bot at /privacy/<pack>. */
  page: z.strictObject({
    title: bilingual,
    sections: z.array(z.strictObject({ heading: bilingual, body: bilingual })).min(1, "At least one section"),
  }),
  /** The legal texts it follows, as a reader would name them. */
  source: nonEmpty,
});

export type PrivacyTexts = z.infer<typeof privacyFileSchema>;

/** The file a pack's privacy texts come from. */
export function privacyFile(contentDir: string, packId: string): string {
  return path.join(contentDir, packId, "privacy.yaml");
}

/**
 * The privacy texts of a pack, from the first pack of its lineage (itself, then what it extends) that has the file.
 * A broken file throws a ContentError naming file and field; no file anywhere in the lineage is an error too (every
 * pack that asks for personal data must say why).
 *
 * @example const texts = loadPrivacyTexts("content", ["vo-cuong", "bac-ninh"]);
 */
export function loadPrivacyTexts(contentDir: string, lineage: readonly string[], source: ContentSource = fsSource): PrivacyTexts {
  const issues: ContentIssue[] = [];
  for (const packId of lineage) {
    const file = privacyFile(contentDir, packId);
    if (source.read(file) === undefined) continue;
    const texts = readYaml(source, file, privacyFileSchema, issues, undefined);
    if (!texts) throw new ContentError(issues);
    return texts;
  }
  throw new ContentError([{ file: privacyFile(contentDir, lineage[0]), path: "", message: `No privacy.yaml in ${lineage.join(" → ")}: write one (docs/privacy.md)` }]);
}

/** Fills {office}, {days} and {link}. */
export function fillPrivacyText(text: string, values: { office: string; days: number; link: string }): string {
  const days = values.days > 0 ? String(values.days) : "∞";
  return text.replaceAll("{office}", values.office).replaceAll("{days}", days).replaceAll("{link}", values.link);
}
