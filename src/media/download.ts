import { SNIFF_BYTES, sniffType, type SniffedType } from "./sniff-type.js";

/**
 * Downloads one file a person sent (a platform CDN URL) with a time limit and a size limit, and checks its type
 * from its bytes. Nothing here retries: {@link EvidenceKeeper} decides what to try again.
 */

/** Limits of a download. */
export interface DownloadLimits {
  /** Largest file accepted, in bytes (MEDIA_MAX_BYTES). */
  maxBytes: number;
  /** Whole download, connection to last byte (MEDIA_TIMEOUT_MS). */
  timeoutMs: number;
}

/** What came of a download: the bytes, a refusal (final: trying again gives the same file), or a failure (worth retrying). */
export type DownloadResult =
  | { outcome: "ok"; bytes: Buffer; type: SniffedType }
  | { outcome: "refused"; reason: "too_large" | "wrong_type"; detail: string }
  | { outcome: "failed"; detail: string };

/** Only http(s) URLs are fetched (a `file:` or `data:` URL in an event is not evidence we can keep). */
function isWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === "https:" || protocol === "http:";
  } catch {
    return false;
  }
}

/**
 * Fetches `url` within `limits`: refuses a file larger than `maxBytes` (from Content-Length when given, else while
 * reading, so a lying server cannot fill memory) or of a type other than jpeg, png, gif, webp, mp4, pdf.
 *
 * @example const result = await downloadMedia("https://…/photo.jpg", { maxBytes: 10 << 20, timeoutMs: 15_000 });
 */
export async function downloadMedia(url: string, limits: DownloadLimits, fetchImpl: typeof fetch = fetch): Promise<DownloadResult> {
  if (!isWebUrl(url)) return { outcome: "refused", reason: "wrong_type", detail: "not an http(s) URL" };
  const signal = AbortSignal.timeout(limits.timeoutMs);
  let response: Response;
  try {
    response = await fetchImpl(url, { signal, redirect: "follow" });
  } catch (error) {
    return { outcome: "failed", detail: describe(error) };
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    return { outcome: "failed", detail: `HTTP ${response.status}` };
  }
  const declared = Number(response.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limits.maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    return { outcome: "refused", reason: "too_large", detail: `${declared} bytes (limit ${limits.maxBytes})` };
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    if (response.body) {
      const reader = response.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > limits.maxBytes) {
          await reader.cancel().catch(() => undefined);
          return { outcome: "refused", reason: "too_large", detail: `more than ${limits.maxBytes} bytes` };
        }
        chunks.push(Buffer.from(value));
        // The type is known from the first bytes: stop a wrong file before downloading all of it.
        if (chunks.length === 1 && size >= SNIFF_BYTES && !sniffType(chunks[0])) {
          await reader.cancel().catch(() => undefined);
          return { outcome: "refused", reason: "wrong_type", detail: "not jpeg, png, gif, webp, mp4 or pdf" };
        }
      }
    }
  } catch (error) {
    return { outcome: "failed", detail: describe(error) };
  }
  const bytes = Buffer.concat(chunks, size);
  const type = sniffType(bytes);
  if (!type) return { outcome: "refused", reason: "wrong_type", detail: "not jpeg, png, gif, webp, mp4 or pdf" };
  return { outcome: "ok", bytes, type };
}

function describe(error: unknown): string {
  const err = error as { name?: string; message?: string; cause?: { code?: string } };
  if (err?.name === "TimeoutError" || err?.name === "AbortError") return "timed out";
  return err?.cause?.code ?? err?.message ?? String(error);
}
