/**
 * Save one list file of a pack (for the staff console): validate it with the same schema as start-up, check the
 * whole content folder would still load with it, then write the YAML atomically (temp file + rename).
 *
 * @example
 * writePackFile("content", "vo-cuong", "classes", [...pack.classes, newClass]);
 * library.reload();
 */
import fs from "node:fs";
import path from "node:path";
import YAML from "yaml";
import type { z } from "zod";
import { packFile } from "./load-pack.js";
import { readContent } from "./load-content.js";
import { fsSource, type ContentSource } from "./read-yaml.js";
import type { packFileSchemas } from "./schema/index.js";

/** The files the console may write. */
export type WritablePackFile = "festivals" | "heritage" | "classes" | "contacts";

/** The items a writable file holds, as written (optional fields may be left out). */
export type PackFileItems<F extends WritablePackFile> = z.input<(typeof packFileSchemas)[F]>;

/**
 * Validate `items` as `content/<packId>/<file>.yaml` together with the rest of the folder, then write it.
 * Throws `ContentError` (nothing written) when the new file, or the content with it, is invalid.
 */
export function writePackFile<F extends WritablePackFile>(dir: string, packId: string, file: F, items: PackFileItems<F>): void {
  const target = packFile(dir, packId, file);
  if (!fsSource.isDir(path.join(dir, packId))) throw new Error(`No pack folder ${path.join(dir, packId)}`);
  const text = YAML.stringify(items, { lineWidth: 0 });
  // Load everything as if the file were already written: a removed contact that a category routes to, or a
  // broken date, is caught here rather than at the next start-up.
  const overlay: ContentSource = { ...fsSource, read: (f) => (path.resolve(f) === path.resolve(target) ? text : fsSource.read(f)) };
  readContent(dir, overlay);
  const temp = `${target}.${process.pid}.${Date.now()}.tmp`;
  fs.writeFileSync(temp, text, "utf8");
  fs.renameSync(temp, target);
}
