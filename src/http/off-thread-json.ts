import { Worker } from "node:worker_threads";
import { fromPackageRoot } from "../package-root.js";

/**
 * A large webhook body's work on a worker thread, in one hop: the UTF-8 check, decoding, JSON.parse, the signature's
 * hash, and its long strings. Decoding and parsing a 1 MB body holds a thread for 2–15 ms (more on a loaded machine;
 * Vietnamese or emoji text decodes slower than ASCII), hashing it 1–5 ms, encoding its text again for the store
 * 2–7 ms; on the main thread a flood of such bodies held /healthz and every small event behind them (issue 15).
 * The body is moved to the worker, not copied (transferred, when it owns its memory); the worker parses bodies one
 * after another — bounded: a flood queues there, not on the event loop — and sends back the event with each long
 * string cut to its start, the digest, and each long string's length and UTF-8 bytes (a view of the body itself when
 * nothing in it is escaped, moved back without a copy) — `longTextOf`. The main thread then never holds the megabyte
 * as a string: copying it from the worker and collecting it cost it a 1–2 MB string per message, and the major
 * garbage collections they brought on held every message of their moment for 20–30 ms. The worker parses a body with
 * its long literals left out (their bytes kept as they are, or their escapes decoded byte by byte), so it does not
 * decode or JSON.parse the megabyte either. Small bodies, nearly all real events, are parsed in place: a round trip
 * to the worker costs more than they do.
 */

/** Bodies longer than this (bytes) are parsed on the worker. */
export const OFF_THREAD_JSON_BYTES = 64 * 1024;

/**
 * A signature's hash over the body: HMAC-SHA-256 with `hmacKey`, or SHA-256 of the body's top-level fields
 * `fieldsBefore` (as text), the body, the fields `fieldsAfter`, then `suffix`. Named by fields so that this layer
 * stays free of any platform's scheme.
 */
export interface BodyDigest {
  hmacKey?: string;
  fieldsBefore?: string[];
  fieldsAfter?: string[];
  suffix?: string;
}

/** What the worker made of a body. */
export interface ParsedBody {
  json: unknown;
  /** Whether the bytes are strict UTF-8. */
  utf8: boolean;
  /** The hex digest asked for; undefined when not asked, or when a field it names is missing. */
  digest?: string;
}

interface Pending {
  resolve: (parsed: ParsedBody) => void;
  reject: (error: unknown) => void;
}

/** A long string of a parsed body: its field reads as its start; this is its length and its UTF-8 bytes. */
export interface LongString {
  /** Its length in UTF-16 units (what String.length would say of the whole). */
  chars: number;
  /** The whole string, as UTF-8. */
  bytes: Uint8Array;
}

interface Reply {
  id: number;
  ok: boolean;
  json?: unknown;
  utf8?: boolean;
  digest?: string;
  longs?: ({ path: string[] } & LongString)[];
}

/** The long strings of parsed bodies, by the object holding them and the field's name. */
const longStrings = new WeakMap<object, Map<string, LongString>>();

/**
 * When `parent[field]` was a long string of a body parsed with `longChars` (its field then holds only its first
 * `longChars` UTF-16 units, never half a surrogate pair): its whole length and UTF-8 bytes.
 *
 * @example const long = longTextOf(event.message, "text"); // { chars: 1_047_552, bytes } or undefined
 */
export function longTextOf(parent: object | undefined, field: string): LongString | undefined {
  return parent ? longStrings.get(parent)?.get(field) : undefined;
}

/**
 * One worker, started on first use and not keeping the process alive; parses in arrival order.
 *
 * @example const pool = new JsonParseWorker(); const { json, digest } = await pool.parse(rawBody, { hmacKey });
 */
export class JsonParseWorker {
  #worker?: Worker;
  #pending = new Map<number, Pending>();
  #next = 0;

  /**
   * The parsed JSON of UTF-8 bytes, and the digest asked for; rejects with a SyntaxError when they are not JSON.
   * `raw` is moved to the worker when it owns its memory (it reads as empty afterwards), else copied. Strings longer
   * than `longChars` (0: none) read as their start, the rest told by {@link longTextOf}.
   */
  parse(raw: Uint8Array, digest?: BodyDigest, longChars = 0): Promise<ParsedBody> {
    const worker = this.#started();
    const id = ++this.#next;
    const owns = raw.byteOffset === 0 && raw.byteLength === raw.buffer.byteLength && raw.buffer instanceof ArrayBuffer;
    const bytes = owns ? raw : new Uint8Array(raw);
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      if (this.#pending.size === 1) worker.ref();
      worker.postMessage({ id, bytes, digest, longChars }, [bytes.buffer as ArrayBuffer]);
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
    worker.on("message", ({ id, ok, json, utf8, digest, longs }: Reply) => {
      const pending = this.#pending.get(id);
      this.#pending.delete(id);
      if (this.#pending.size === 0) worker.unref();
      if (!ok) return pending?.reject(new SyntaxError("Malformed JSON body"));
      for (const { path, chars, bytes } of longs ?? []) remember(json, path, { chars, bytes });
      pending?.resolve({ json, utf8: utf8 === true, digest });
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

/** Files `long` under the object that holds the string at `path` of `json`. */
function remember(json: unknown, path: string[], long: LongString): void {
  let parent = json;
  for (const key of path.slice(0, -1)) parent = (parent as Record<string, unknown>)[key];
  const field = path.at(-1);
  if (!parent || typeof parent !== "object" || field === undefined) return;
  const fields = longStrings.get(parent) ?? new Map<string, LongString>();
  fields.set(field, long);
  longStrings.set(parent, fields);
}

const shared = new JsonParseWorker();

/**
 * A large webhook body's JSON (and digest) from the shared worker: for bodies over {@link OFF_THREAD_JSON_BYTES}.
 * Rejects with a SyntaxError when the bytes are not JSON; `raw` may be moved, strings over `longChars` read as their
 * start (see JsonParseWorker.parse).
 *
 * @example const { json, utf8, digest } = await parseLargeBody(raw, { hmacKey: appSecret }, LONG_TEXT_CHARS);
 */
export function parseLargeBody(raw: Uint8Array, digest?: BodyDigest, longChars = 0): Promise<ParsedBody> {
  return shared.parse(raw, digest, longChars);
}
