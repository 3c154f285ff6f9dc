import { Worker } from "node:worker_threads";
import { fromPackageRoot } from "../package-root.js";

/**
 * JSON.parse of large webhook bodies on a worker thread. Decoding and parsing a 1 MB body holds a thread for
 * 2–15 ms (more on a loaded machine, and Vietnamese or emoji text decodes slower than ASCII); on the main thread a
 * flood of such bodies held /healthz and every small event behind them (issue 15). One worker parses them one after
 * another — bounded: a flood queues there, not on the event loop — and the main thread only receives the parsed
 * event (a copy of its strings). Small bodies, nearly all real events, are parsed in place: a round trip to the
 * worker costs more than they do.
 */

/** Bodies longer than this (bytes) are parsed on the worker. */
export const OFF_THREAD_JSON_BYTES = 64 * 1024;

interface Pending {
  resolve: (json: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * One worker, started on first use and not keeping the process alive; parses in arrival order.
 *
 * @example const pool = new JsonParseWorker(); const event = await pool.parse(rawBody);
 */
export class JsonParseWorker {
  #worker?: Worker;
  #pending = new Map<number, Pending>();
  #next = 0;

  /** The parsed JSON of UTF-8 bytes; rejects with a SyntaxError when they are not JSON. */
  parse(raw: Uint8Array): Promise<unknown> {
    const worker = this.#started();
    const id = ++this.#next;
    // A copy the worker owns (transferred, not cloned): the caller keeps `raw` for the signature.
    const bytes = new Uint8Array(raw);
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      if (this.#pending.size === 1) worker.ref();
      worker.postMessage({ id, bytes }, [bytes.buffer]);
    });
  }

  /** Stops the worker (the app is closing); a later parse starts another. */
  async close(): Promise<void> {
    const worker = this.#worker;
    this.#worker = undefined;
    await worker?.terminate();
  }

  #started(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new Worker(fromPackageRoot("src", "http", "json-parse-worker.mjs"));
    worker.unref();
    worker.on("message", ({ id, ok, json }: { id: number; ok: boolean; json?: unknown }) => {
      const pending = this.#pending.get(id);
      this.#pending.delete(id);
      if (this.#pending.size === 0) worker.unref();
      if (ok) pending?.resolve(json);
      else pending?.reject(new SyntaxError("Malformed JSON body"));
    });
    // A worker that dies fails what it held; the next parse starts a new one.
    const fail = (error: unknown) => {
      if (this.#worker === worker) this.#worker = undefined;
      for (const pending of this.#pending.values()) pending.reject(error);
      this.#pending.clear();
    };
    worker.on("error", fail);
    worker.on("exit", (code) => fail(new Error(`JSON worker exited with ${code}`)));
    this.#worker = worker;
    return worker;
  }
}

const shared = new JsonParseWorker();

/**
 * A webhook body's JSON: parsed here when small, on the shared worker when over {@link OFF_THREAD_JSON_BYTES}.
 * Throws (rejects) a SyntaxError when the bytes are not JSON.
 *
 * @example const json = await parseJsonBody(raw);
 */
export async function parseJsonBody(raw: Uint8Array): Promise<unknown> {
  if (raw.byteLength <= OFF_THREAD_JSON_BYTES) return JSON.parse(Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString("utf8"));
  return shared.parse(raw);
}
