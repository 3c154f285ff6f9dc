// The worker of off-thread-json.ts: everything a large webhook body costs before it is an event, done here so the
// main thread never does it: the UTF-8 check, decoding, JSON.parse, the signature's hash, and the UTF-8 bytes of its
// long strings (the store keeps a long text as bytes; the main thread then never encodes the megabyte again).
// Plain JavaScript with Node's built-ins only: it runs as it is under tsx, the tests and the bundle in dist/.
import { isUtf8 } from "node:buffer";
import { createHash, createHmac } from "node:crypto";
import { parentPort } from "node:worker_threads";

parentPort.on("message", ({ id, bytes, digest, longChars }) => {
  const raw = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let json;
  try {
    json = JSON.parse(raw.toString("utf8"));
  } catch {
    parentPort.postMessage({ id, ok: false });
    return;
  }
  const utf8 = isUtf8(raw);
  const longs = longChars > 0 ? longStrings(json, raw, longChars, utf8) : [];
  const result = { id, ok: true, json, utf8, digest: digest ? hashOf(raw, json, digest) : undefined, longs };
  // The body's own buffer goes back when a long string's bytes are a view of it (no copy); fresh encodings go too.
  const buffers = new Set(longs.map((long) => long.bytes.buffer));
  parentPort.postMessage(result, [...buffers]);
});

/** The hex digest the spec asks for (see BodyDigest in off-thread-json.ts); undefined when a field it names is missing. */
function hashOf(raw, json, { hmacKey, fieldsBefore = [], fieldsAfter = [], suffix = "" }) {
  const field = (name) => {
    const value = json && typeof json === "object" ? json[name] : undefined;
    return typeof value === "string" || typeof value === "number" ? String(value) : undefined;
  };
  const before = fieldsBefore.map(field);
  const after = fieldsAfter.map(field);
  if ([...before, ...after].includes(undefined)) return undefined;
  const hash = hmacKey === undefined ? createHash("sha256") : createHmac("sha256", hmacKey);
  for (const part of before) hash.update(part);
  hash.update(raw);
  for (const part of after) hash.update(part);
  return hash.update(suffix).digest("hex");
}

/**
 * Every string value longer than `longChars` (at most 8 levels deep: Messenger keeps its text at
 * entry[i].messaging[j].message.text), with its path and its UTF-8 bytes. When the body has no backslash, no string
 * in it is escaped: quotes then only delimit literals, and each literal's bytes are its value's, so a long string's
 * bytes are those between the quotes of its literal, found by length (below); otherwise, or when its literal cannot
 * be told apart, the string is encoded afresh.
 */
function longStrings(json, raw, longChars, utf8) {
  const found = [];
  const walk = (value, path) => {
    if (typeof value === "string") {
      if (value.length > longChars) found.push({ path, value });
      return;
    }
    if (!value || typeof value !== "object" || path.length >= 8) return;
    for (const [key, child] of Object.entries(value)) walk(child, [...path, key]);
  };
  walk(json, []);
  if (found.length === 0) return [];
  // (Bytes that are not UTF-8 decode with replacement characters, whose length is not theirs: encoded afresh.)
  const literals = utf8 && raw.indexOf(0x5c) < 0 ? literalSpans(raw) : undefined;
  return found.map(({ path, value }) => {
    // A string's UTF-8 bytes are at least as many as its UTF-16 units; the literal holding it is one of those that
    // long, and when only one is, it is that one. (Buffer.byteLength would tell exactly, but costs 5 ms a megabyte
    // of Vietnamese text.)
    const spans = literals?.filter((span) => span.end - span.start >= value.length) ?? [];
    if (spans.length === 1) return { path, bytes: raw.subarray(spans[0].start, spans[0].end) };
    const bytes = Buffer.from(value);
    // A short string's bytes may sit in Buffer's shared pool, which must not be transferred: its own copy then.
    return { path, bytes: bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes) };
  });
}

/** The byte spans of the string literals of an escape-free JSON body (between each pair of quotes). */
function literalSpans(raw) {
  const spans = [];
  for (let open = raw.indexOf(0x22); open >= 0; ) {
    const close = raw.indexOf(0x22, open + 1);
    if (close < 0) break;
    spans.push({ start: open + 1, end: close });
    open = raw.indexOf(0x22, close + 1);
  }
  return spans;
}
