import { randomUUID } from "node:crypto";
import type { Logger } from "pino";
import type { Store } from "../store/store.js";
import { updateDocument } from "../store/update-document.js";
import { downloadMedia, type DownloadLimits, type DownloadResult } from "./download.js";
import type { MediaObject, MediaStore } from "./media-store.js";
import { MEDIA, type MediaRecord } from "./media-record.js";
import { sniffType } from "./sniff-type.js";

/** Downloads running at once per instance. */
const MAX_DOWNLOADS = 4;

/** What {@link EvidenceKeeper} needs. */
export interface EvidenceKeeperOptions {
  store: Store;
  media: MediaStore;
  limits: DownloadLimits;
  /** Downloads tried before the file is marked failed (MEDIA_RETRY_ATTEMPTS). */
  attempts: number;
  /** Wait before the second attempt, doubling after (MEDIA_RETRY_BASE_MS). */
  baseDelayMs: number;
  now: () => number;
  logger: Logger;
  /** Replaceable in tests; the global fetch otherwise. */
  download?: (url: string, limits: DownloadLimits) => Promise<DownloadResult>;
}

/** A file to keep: what its record says about where it came from. */
export type KeepRequest = Pick<MediaRecord, "url" | "kind" | "name" | "ownerKey" | "reportCode" | "evidenceIndex"> & {
  /** A pre-made id (from {@link EvidenceKeeper.newId}), so the report can name it before it is written. */
  id?: string;
};

/**
 * Keeps copies of the files people send as evidence, in the background: `keep` records the file as pending and
 * returns at once; the download (with its limits) runs after, retried with backoff, and the record ends kept,
 * refused or failed. Whoever cares (the reports feature) hears of each settled record through `onSettled`.
 * Pending records survive a restart: `resume` picks them up.
 *
 * @example const record = await keeper.keep({ url, kind: "image", ownerKey, reportCode: "PA-2026-0007", evidenceIndex: 0 });
 */
export class EvidenceKeeper {
  readonly #timers = new Map<string, NodeJS.Timeout>();
  readonly #running = new Set<Promise<void>>();
  /** Due to run, waiting for a free download slot. */
  readonly #due: string[] = [];
  readonly #listeners: ((record: MediaRecord) => Promise<void>)[] = [];
  #closed = false;

  constructor(readonly options: EvidenceKeeperOptions) {}

  /** The collection of records. */
  get records() {
    return this.options.store.collection<MediaRecord>(MEDIA);
  }

  /** A fresh media id. */
  newId(): string {
    return `media-${randomUUID()}`;
  }

  /** Calls `listener` with every record once it is kept, refused or failed (errors are logged, never thrown back). */
  onSettled(listener: (record: MediaRecord) => Promise<void>): void {
    this.#listeners.push(listener);
  }

  /** Records the file as pending and starts downloading it in the background. */
  async keep(request: KeepRequest): Promise<MediaRecord> {
    const record: MediaRecord = {
      id: request.id ?? this.newId(),
      url: request.url,
      kind: request.kind,
      ...(request.name ? { name: request.name } : {}),
      ...(request.ownerKey ? { ownerKey: request.ownerKey } : {}),
      ...(request.reportCode ? { reportCode: request.reportCode } : {}),
      ...(request.evidenceIndex !== undefined ? { evidenceIndex: request.evidenceIndex } : {}),
      status: "pending",
      attempts: 0,
      createdAt: this.options.now(),
    };
    await this.records.set(record.id, record, { durable: true });
    this.#schedule(record.id, 0);
    return record;
  }

  /**
   * Keeps a file uploaded straight to the bot (the web chat's photo button): same size limit and type check as a
   * download, stored at once. `url` is where staff and the person can open it later (the record's original URL).
   *
   * @example const kept = await keeper.keepUpload({ bytes, ownerKey, kind: "image", url: (id) => `/chat/media/${id}` });
   */
  async keepUpload(upload: { bytes: Buffer; ownerKey?: string; name?: string; url: (id: string) => string }): Promise<
    { outcome: "kept"; record: MediaRecord } | { outcome: "refused"; reason: "too_large" | "wrong_type" }
  > {
    if (upload.bytes.length > this.options.limits.maxBytes) return { outcome: "refused", reason: "too_large" };
    const type = sniffType(upload.bytes);
    if (!type) return { outcome: "refused", reason: "wrong_type" };
    const id = this.newId();
    const now = this.options.now();
    await this.options.media.put(id, { bytes: upload.bytes, mime: type.mime });
    const record: MediaRecord = {
      id,
      url: upload.url(id),
      kind: type.mime.startsWith("image/") ? "image" : type.mime === "video/mp4" ? "video" : "file",
      ...(upload.name ? { name: upload.name } : {}),
      ...(upload.ownerKey ? { ownerKey: upload.ownerKey } : {}),
      status: "kept",
      mime: type.mime,
      size: upload.bytes.length,
      attempts: 0,
      createdAt: now,
      settledAt: now,
    };
    await this.records.set(id, record, { durable: true });
    return { outcome: "kept", record };
  }

  /** Links kept media (an upload) to the report it became evidence of. */
  async attach(id: string, reportCode: string, evidenceIndex: number): Promise<void> {
    await updateDocument(this.records, id, (stored) => (stored ? { ...stored, reportCode, evidenceIndex } : undefined));
  }

  /** Schedules every record still pending (after a restart); returns how many. */
  async resume(): Promise<number> {
    const pending = await this.records.find({ status: "pending" });
    for (const record of pending) this.#schedule(record.id, 0);
    return pending.length;
  }

  /** The record and, when kept, the bytes. */
  async read(id: string): Promise<{ record: MediaRecord; object?: MediaObject } | undefined> {
    const record = await this.records.get(id);
    if (!record) return undefined;
    return { record, object: record.status === "kept" ? await this.options.media.get(id) : undefined };
  }

  /** Removes the record and the bytes. */
  async remove(id: string): Promise<void> {
    clearTimeout(this.#timers.get(id));
    this.#timers.delete(id);
    await this.options.media.delete(id);
    await this.records.delete(id);
  }

  /** Resolves once nothing is downloading or waiting to retry (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.#running.size > 0 || this.#timers.size > 0 || (this.#due.length > 0 && !this.#closed)) {
      await Promise.race([...this.#running, new Promise((resolve) => setTimeout(resolve, 10))]);
    }
  }

  /** Stops retrying (what is pending is resumed at the next start), waits for downloads under way, closes the media store. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
    await Promise.allSettled([...this.#running]);
    await this.options.media.close();
  }

  #schedule(id: string, delayMs: number): void {
    if (this.#closed || this.#timers.has(id)) return;
    const timer = setTimeout(() => {
      this.#timers.delete(id);
      this.#due.push(id);
      this.#startDue();
    }, delayMs);
    // A retry waiting must not keep the process (or a test run) alive: resume() picks it up after a restart.
    timer.unref();
    this.#timers.set(id, timer);
  }

  /**
   * Starts due downloads, at most MAX_DOWNLOADS at once: each holds up to MEDIA_MAX_BYTES in memory, so a burst of
   * reports with many photos waits in line rather than filling memory.
   */
  #startDue(): void {
    while (this.#running.size < MAX_DOWNLOADS && this.#due.length > 0 && !this.#closed) {
      const id = this.#due.shift()!;
      const run = this.#attempt(id).catch((error) => this.options.logger.error({ err: error, mediaId: id }, "evidence download step failed"));
      this.#running.add(run);
      void run.finally(() => {
        this.#running.delete(run);
        this.#startDue();
      });
    }
  }

  async #attempt(id: string): Promise<void> {
    const record = await this.records.get(id);
    if (!record || record.status !== "pending" || this.#closed) return;
    const download = this.options.download ?? ((url: string, limits: DownloadLimits) => downloadMedia(url, limits));
    const result = await download(record.url, this.options.limits);
    const attempts = record.attempts + 1;
    const now = this.options.now();
    let settled: Partial<MediaRecord> | undefined;
    if (result.outcome === "ok") {
      await this.options.media.put(id, { bytes: result.bytes, mime: result.type.mime });
      settled = { status: "kept", mime: result.type.mime, size: result.bytes.length, lastError: undefined };
    } else if (result.outcome === "refused") {
      settled = { status: "refused", reason: result.reason, lastError: result.detail };
    } else if (attempts >= this.options.attempts) {
      settled = { status: "failed", lastError: result.detail };
    }
    let changed = false;
    const saved = await updateDocument(this.records, id, (stored) => {
      changed = stored?.status === "pending";
      if (!stored || !changed) return undefined;
      return { ...stored, attempts, ...(settled ? { ...settled, settledAt: now } : { lastError: (result as { detail: string }).detail }) };
    });
    // Removed or settled meanwhile (the person erased their data, another instance finished it): nothing to tell.
    if (!saved || !changed) return;
    if (!settled) {
      const delay = this.options.baseDelayMs * 2 ** (attempts - 1);
      this.options.logger.warn({ mediaId: id, attempts, retryInMs: delay, error: saved.lastError }, "evidence download failed; retrying");
      this.#schedule(id, delay);
      return;
    }
    if (saved.status !== "kept") this.options.logger.warn({ mediaId: id, status: saved.status, error: saved.lastError, reportCode: saved.reportCode }, "evidence not kept");
    for (const listener of this.#listeners) {
      await listener(saved).catch((error) => this.options.logger.error({ err: error, mediaId: id }, "evidence listener failed"));
    }
  }
}
