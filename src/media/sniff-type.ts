/**
 * The type of a file, read from its first bytes (its "magic number"), never from the URL or the sender's
 * Content-Type: a CDN URL ending in .jpg can serve anything, and evidence shown to staff must be what it claims.
 */

/** A type the bot keeps as evidence. */
export interface SniffedType {
  mime: "image/jpeg" | "image/png" | "image/gif" | "image/webp" | "video/mp4" | "application/pdf";
  /** File name extension, for downloads from the console. */
  ext: "jpg" | "png" | "gif" | "webp" | "mp4" | "pdf";
}

/** How many leading bytes {@link sniffType} needs. */
export const SNIFF_BYTES = 16;

const ascii = (bytes: Uint8Array, from: number, text: string) => text.split("").every((char, index) => bytes[from + index] === char.charCodeAt(0));

/**
 * The type of `bytes`, or undefined for anything else (refused).
 *
 * @example sniffType(Buffer.from([0xff, 0xd8, 0xff, 0xe0])) // { mime: "image/jpeg", ext: "jpg" }
 */
export function sniffType(bytes: Uint8Array): SniffedType | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return { mime: "image/jpeg", ext: "jpg" };
  if ([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((byte, index) => bytes[index] === byte)) return { mime: "image/png", ext: "png" };
  if (ascii(bytes, 0, "GIF87a") || ascii(bytes, 0, "GIF89a")) return { mime: "image/gif", ext: "gif" };
  if (ascii(bytes, 0, "RIFF") && ascii(bytes, 8, "WEBP")) return { mime: "image/webp", ext: "webp" };
  // ISO base media (MP4, and the phone formats built on it: M4V, 3GP, QuickTime): a box whose type is "ftyp".
  if (ascii(bytes, 4, "ftyp")) return { mime: "video/mp4", ext: "mp4" };
  if (ascii(bytes, 0, "%PDF-")) return { mime: "application/pdf", ext: "pdf" };
  return undefined;
}
