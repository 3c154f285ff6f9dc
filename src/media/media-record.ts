/**
 * What the bot knows about one file a person sent: kept as a document in the store's `media` collection (the
 * bytes are in the MediaStore). The original URL stays beside the kept copy, so staff can see where it came from.
 */

/** The collection of media records. */
export const MEDIA = "media";

/** pending: being downloaded (or waiting to retry); kept: bytes stored; refused: too large or not an accepted type; failed: every attempt failed. */
export type MediaStatus = "pending" | "kept" | "refused" | "failed";

export interface MediaRecord {
  /** media-<uuid>: the key of the bytes in the MediaStore. */
  id: string;
  /** Where the platform served it (a CDN URL that expires). */
  url: string;
  /** What the channel called it: image, file, video, audio. */
  kind: string;
  name?: string;
  /** The conversation key of the person who sent it (removed when they erase their data). */
  ownerKey?: string;
  /** The report it is evidence of, and its place in the report's evidence list. */
  reportCode?: string;
  evidenceIndex?: number;
  status: MediaStatus;
  /** Why it was refused. */
  reason?: "too_large" | "wrong_type";
  /** Read from the bytes. */
  mime?: string;
  size?: number;
  attempts: number;
  lastError?: string;
  createdAt: number;
  settledAt?: number;
}

/** What a report's evidence entry says about its kept copy (the same facts as the record, for staff at a glance). */
export interface EvidenceMedia {
  id: string;
  status: MediaStatus;
  reason?: MediaRecord["reason"];
  mime?: string;
  size?: number;
}

/** The summary a report carries for a record. */
export function evidenceMedia(record: MediaRecord): EvidenceMedia {
  return {
    id: record.id,
    status: record.status,
    ...(record.reason ? { reason: record.reason } : {}),
    ...(record.mime ? { mime: record.mime } : {}),
    ...(record.size !== undefined ? { size: record.size } : {}),
  };
}

/** Kinds of attachment worth downloading (a link is a web page the person pasted; a sticker is not evidence). */
export function isDownloadable(kind: string): boolean {
  return kind === "image" || kind === "file" || kind === "video" || kind === "audio";
}
