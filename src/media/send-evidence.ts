import type { Response } from "express";
import type { EvidenceMedia } from "./media-record.js";
import type { EvidenceKeeper } from "./evidence-keeper.js";
import { sniffType } from "./sniff-type.js";

/**
 * Sends one evidence file of a report to staff (the console and the API share it; each checks access first).
 * The bytes are sent as the type read from them, never sniffed again by the browser, and never cached by proxies.
 * A file not kept (still downloading, refused, failed) is a 404 whose JSON says why, with the original URL.
 */
export async function sendEvidence(res: Response, keeper: EvidenceKeeper, reportCode: string, index: number, item: { url: string; media?: Pick<EvidenceMedia, "id"> } | undefined): Promise<void> {
  if (!item) {
    res.status(404).json({ error: `No evidence ${index} on ${reportCode}` });
    return;
  }
  const read = item.media ? await keeper.read(item.media.id) : undefined;
  if (!read?.object) {
    res.status(404).json({ error: "Evidence not kept", status: read?.record.status ?? "not_downloaded", reason: read?.record.reason, url: item.url });
    return;
  }
  const ext = sniffType(read.object.bytes)?.ext ?? "bin";
  const inline = read.object.mime.startsWith("image/") || read.object.mime === "video/mp4";
  res.setHeader("content-type", read.object.mime);
  res.setHeader("x-content-type-options", "nosniff");
  res.setHeader("cache-control", "private, no-store");
  res.setHeader("content-security-policy", "default-src 'none'; sandbox");
  res.setHeader("content-disposition", `${inline ? "inline" : "attachment"}; filename="${reportCode}-${index + 1}.${ext}"`);
  res.send(read.object.bytes);
}
