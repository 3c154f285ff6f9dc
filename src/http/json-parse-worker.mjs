// The worker of off-thread-json.ts: everything a large webhook body costs before it is an event, done here so the
// main thread never does it: the UTF-8 check, decoding, JSON.parse, the signature's hash, and the long strings.
// A long string (over `longChars` UTF-16 units) goes back as its start (the first `longChars` units), its length and
// its UTF-8 bytes: the main thread reads the start and stores the bytes, and never holds the megabyte as a string.
// Plain JavaScript with Node's built-ins only: it runs as it is under tsx, the tests and the bundle in dist/.
import { isUtf8 } from "node:buffer";
import { createHash, createHmac } from "node:crypto";
import { parentPort } from "node:worker_threads";

parentPort.on("message", ({ id, bytes, digest, longChars }) => {
  const raw = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const utf8 = isUtf8(raw);
  // An escape-free body (no backslash: nearly every real one) is parsed without its long literals; any other whole.
  const parsed = (longChars > 0 && utf8 && raw.indexOf(0x5c) < 0 ? parsedWithoutLongLiterals(raw, longChars) : undefined) ?? parsedWhole(raw, longChars);
  if (!parsed) {
    parentPort.postMessage({ id, ok: false });
    return;
  }
  const { json, longs } = parsed;
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

/** Long strings are looked for this deep at most (Messenger keeps its text at entry[i].messaging[j].message.text). */
const MAX_DEPTH = 8;

/**
 * The body parsed with each long literal replaced by a marker, so that neither decoding nor JSON.parse touches the
 * megabyte; undefined when no literal is long, or anything is odd (the caller then parses the body whole and decides).
 *
 * Valid only without a backslash in the body (the caller checks): no string is then escaped, quotes only delimit
 * literals, each literal's bytes are its value's, and a marker "\u0000<n>" cannot be mistaken for a string of the
 * body. A literal's bytes are valid string content when they hold no control character (JSON wants those escaped)
 * and are UTF-8 (the caller checked the whole body): the body is JSON exactly when the body with markers is.
 */
function parsedWithoutLongLiterals(raw, longChars) {
  const long = [];
  for (const span of literalSpans(raw)) {
    // A literal of fewer bytes than longChars holds fewer UTF-16 units: only longer ones are measured.
    if (span.end - span.start <= longChars) continue;
    const chars = unitsOf(raw, span.start, span.end);
    if (chars < 0) return undefined; // a control character inside a literal: not JSON (parsed whole, refused there)
    if (chars > longChars) long.push({ ...span, chars });
  }
  if (long.length === 0) return undefined;
  const parts = [];
  let from = 0;
  for (const [n, span] of long.entries()) {
    parts.push(raw.subarray(from, span.start), Buffer.from(`\\u0000${n}`));
    from = span.end;
  }
  parts.push(raw.subarray(from));
  let json;
  try {
    json = JSON.parse(Buffer.concat(parts).toString("utf8"));
  } catch {
    return undefined;
  }
  const longs = [];
  walkStrings(json, (value, path) => {
    if (value.charCodeAt(0) !== 0) return undefined;
    const span = long[Number(value.slice(1))];
    // The start: enough bytes for longChars units and a few more (a unit is at most 3 bytes), cut at longChars.
    const start = startOf(raw.toString("utf8", span.start, Math.min(span.end, span.start + 3 * longChars + 4)), longChars);
    longs.push({ path, start, chars: span.chars, bytes: raw.subarray(span.start, span.end) });
    return start;
  });
  // A long literal that is a key, or deeper than MAX_DEPTH, is not a value found above: parsed whole instead.
  return longs.length === long.length ? { json, longs } : undefined;
}

/**
 * The body decoded and parsed whole (a body with escapes, or not UTF-8); null when it is not JSON. Each long string's
 * bytes are those of its literal when the body has no backslash and only one literal is long enough to hold it, else
 * encoded afresh.
 */
function parsedWhole(raw, longChars) {
  let json;
  try {
    json = JSON.parse(raw.toString("utf8"));
  } catch {
    return null;
  }
  const longs = [];
  if (longChars <= 0) return { json, longs };
  let literals;
  walkStrings(json, (value, path) => {
    if (value.length <= longChars) return undefined;
    // (Bytes that are not UTF-8 decode with replacement characters, whose length is not theirs: encoded afresh.)
    literals ??= isUtf8(raw) && raw.indexOf(0x5c) < 0 ? literalSpans(raw) : [];
    const spans = literals.filter((span) => span.end - span.start >= value.length);
    let bytes;
    if (spans.length === 1) bytes = raw.subarray(spans[0].start, spans[0].end);
    else {
      const fresh = Buffer.from(value);
      // A short string's bytes may sit in Buffer's shared pool, which must not be transferred: its own copy then.
      bytes = fresh.byteOffset === 0 && fresh.byteLength === fresh.buffer.byteLength ? fresh : new Uint8Array(fresh);
    }
    const start = startOf(value, longChars);
    longs.push({ path, start, chars: value.length, bytes });
    return start;
  });
  return { json, longs };
}

/**
 * Calls `visit` with every string of `json` (at most {@link MAX_DEPTH} levels deep) and its path; a string it
 * returns replaces the value.
 */
function walkStrings(json, visit) {
  const walk = (parent, key, path) => {
    const value = parent[key];
    if (typeof value === "string") {
      const replaced = visit(value, path);
      if (replaced !== undefined) parent[key] = replaced;
      return;
    }
    if (!value || typeof value !== "object" || path.length >= MAX_DEPTH) return;
    for (const child of Object.keys(value)) walk(value, child, [...path, child]);
  };
  walk({ root: json }, "root", []);
}

/** The first `units` UTF-16 units of `text`, one fewer when the last would be half of a surrogate pair. */
function startOf(text, units) {
  const code = text.charCodeAt(units - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? units - 1 : units);
}

/**
 * The UTF-16 length of the UTF-8 bytes raw[start, end) (valid UTF-8: every byte that is not a continuation starts a
 * character, one of four bytes is a surrogate pair); -1 when they hold a control character.
 */
function unitsOf(raw, start, end) {
  let units = 0;
  for (let i = start; i < end; i++) {
    const byte = raw[i];
    if (byte < 0x20) return -1;
    if ((byte & 0xc0) !== 0x80) units += byte >= 0xf0 ? 2 : 1;
  }
  return units;
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
