// The worker of off-thread-json.ts: everything a large webhook body costs before it is an event, done here so the
// main thread never does it: the UTF-8 check, decoding, JSON.parse, the signature's hash, and the long strings.
// A long string (over `longChars` UTF-16 units) goes back as its start (the first `longChars` units), its length and
// its UTF-8 bytes: the main thread reads the start and stores the bytes, and never holds the megabyte as a string.
// Plain JavaScript with Node's built-ins only: it runs as it is under tsx, the tests and the bundle in dist/.
import { isUtf8 } from "node:buffer";
import { createHash, createHmac, randomBytes } from "node:crypto";
import { parentPort } from "node:worker_threads";

parentPort.on("message", ({ id, bytes, digest, longChars }) => {
  const raw = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const utf8 = isUtf8(raw);
  // Parsed without its long literals when it can be (UTF-8, a long literal), else whole.
  const parsed = (longChars > 0 && utf8 ? parsedWithoutLongLiterals(raw, longChars) : undefined) ?? parsedWhole(raw, longChars);
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
 * The literals are found by their quotes: without a backslash in the body every quote delimits one, and a long
 * literal's bytes are its value's (kept as a view of the body, no copy); with backslashes a quote after an odd run of
 * them is inside a literal, and a long literal's escapes are decoded here, byte by byte, into its value's UTF-8
 * (one pass over it, instead of decoding, parsing and encoding the whole body). Literal content is valid when it holds
 * no control character and only JSON's escapes, and is UTF-8 (the caller checked the whole body): the body is then
 * JSON exactly when the body with markers is. A marker holds a random nonce, so no string of the body can pass for one.
 */
function parsedWithoutLongLiterals(raw, longChars) {
  const escapes = raw.indexOf(0x5c) >= 0;
  const long = [];
  for (const span of literalSpans(raw, escapes)) {
    // A literal of fewer bytes than longChars holds fewer UTF-16 units: only longer ones are measured.
    if (span.end - span.start <= longChars) continue;
    const value = escapes && raw.indexOf(0x5c, span.start) < span.end ? literalValue(raw, span.start, span.end) : plainValue(raw, span.start, span.end);
    if (!value) return undefined; // a control character or a bad escape: not JSON (parsed whole, refused there)
    if (value.chars > longChars) long.push({ ...span, ...value });
  }
  if (long.length === 0) return undefined;
  const nonce = `\\u0000${randomBytes(6).toString("hex")}:`; // JSON text: a backslash escape, then the nonce
  const parts = [];
  let from = 0;
  for (const [n, span] of long.entries()) {
    parts.push(raw.subarray(from, span.start), Buffer.from(`${nonce}${n}`));
    from = span.end;
  }
  parts.push(raw.subarray(from));
  let json;
  try {
    json = JSON.parse(Buffer.concat(parts).toString("utf8"));
  } catch {
    return undefined;
  }
  const marker = JSON.parse(`"${nonce}"`);
  const longs = [];
  walkStrings(json, (value, path) => {
    if (!value.startsWith(marker)) return undefined;
    const { chars, bytes } = long[Number(value.slice(marker.length))];
    // The start: enough bytes for longChars units and a few more (a unit is at most 3 bytes), cut at longChars.
    const start = startOf(bytes.toString("utf8", 0, Math.min(bytes.length, 3 * longChars + 4)), longChars);
    longs.push({ path, start, chars, bytes });
    return start;
  });
  // A long literal that is a key, or deeper than MAX_DEPTH, is not a value found above: parsed whole instead.
  return longs.length === long.length ? { json, longs } : undefined;
}

/**
 * The body decoded and parsed whole (not UTF-8, or anything odd above, or no long literal); null when it is not JSON. Each long string's
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
 * An escape-free literal's value: its bytes (a view of the body) and UTF-16 length (valid UTF-8: every byte that is
 * not a continuation starts a character, one of four bytes is a surrogate pair); undefined with a control character.
 */
function plainValue(raw, start, end) {
  let chars = 0;
  for (let i = start; i < end; i++) {
    const byte = raw[i];
    if (byte < 0x20) return undefined;
    if ((byte & 0xc0) !== 0x80) chars += byte >= 0xf0 ? 2 : 1;
  }
  return { bytes: raw.subarray(start, end), chars };
}

/** The byte each one-letter escape stands for: \" \\ \/ \b \f \n \r \t. */
const SIMPLE_ESCAPES = new Map([[0x22, 0x22], [0x5c, 0x5c], [0x2f, 0x2f], [0x62, 0x08], [0x66, 0x0c], [0x6e, 0x0a], [0x72, 0x0d], [0x74, 0x09]]);

/**
 * A literal's value with its escapes decoded: its UTF-8 bytes (in a buffer of its own, which can be moved to the main
 * thread) and UTF-16 length; undefined with a control character or an escape JSON does not have. A \u escape of half
 * a surrogate pair with no other half becomes U+FFFD, as encoding the parsed string would make it.
 */
function literalValue(raw, start, end) {
  const out = Buffer.allocUnsafeSlow(end - start); // decoded, a literal only gets shorter
  let length = 0;
  let chars = 0;
  for (let i = start; i < end; ) {
    const byte = raw[i];
    if (byte < 0x20) return undefined;
    if (byte !== 0x5c) {
      out[length++] = byte;
      if ((byte & 0xc0) !== 0x80) chars += byte >= 0xf0 ? 2 : 1;
      i++;
      continue;
    }
    const simple = SIMPLE_ESCAPES.get(raw[i + 1]);
    if (simple !== undefined) {
      out[length++] = simple;
      chars++;
      i += 2;
      continue;
    }
    if (raw[i + 1] !== 0x75) return undefined;
    let code = hex4(raw, i + 2, end);
    if (code < 0) return undefined;
    i += 6;
    if (code >= 0xd800 && code <= 0xdbff && raw[i] === 0x5c && raw[i + 1] === 0x75) {
      const low = hex4(raw, i + 2, end);
      if (low >= 0xdc00 && low <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
        i += 6;
      }
    }
    if (code >= 0xd800 && code <= 0xdfff) code = 0xfffd;
    length = writeUtf8(out, length, code);
    chars += code > 0xffff ? 2 : 1;
  }
  return { bytes: out.subarray(0, length), chars };
}

/** The four hex digits at raw[at] as a number; -1 when they are not (or run past `end`). */
function hex4(raw, at, end) {
  if (at + 4 > end) return -1;
  let value = 0;
  for (let k = 0; k < 4; k++) {
    const byte = raw[at + k] | 0x20; // lower case for letters
    const digit = byte >= 0x30 && byte <= 0x39 ? byte - 0x30 : byte >= 0x61 && byte <= 0x66 ? byte - 0x57 : -1;
    if (digit < 0) return -1;
    value = (value << 4) | digit;
  }
  return value;
}

/** Writes the code point's UTF-8 bytes at out[at]; the position after them. */
function writeUtf8(out, at, code) {
  if (code < 0x80) {
    out[at++] = code;
  } else if (code < 0x800) {
    out[at++] = 0xc0 | (code >> 6);
    out[at++] = 0x80 | (code & 0x3f);
  } else if (code < 0x10000) {
    out[at++] = 0xe0 | (code >> 12);
    out[at++] = 0x80 | ((code >> 6) & 0x3f);
    out[at++] = 0x80 | (code & 0x3f);
  } else {
    out[at++] = 0xf0 | (code >> 18);
    out[at++] = 0x80 | ((code >> 12) & 0x3f);
    out[at++] = 0x80 | ((code >> 6) & 0x3f);
    out[at++] = 0x80 | (code & 0x3f);
  }
  return at;
}

/**
 * The byte spans of the string literals of a JSON body (between each pair of quotes). With `escapes`, a quote after
 * an odd run of backslashes is part of a literal, not its end.
 */
function literalSpans(raw, escapes = false) {
  const spans = [];
  for (let open = raw.indexOf(0x22); open >= 0; ) {
    let close = raw.indexOf(0x22, open + 1);
    while (escapes && close >= 0 && escapedAt(raw, close)) close = raw.indexOf(0x22, close + 1);
    if (close < 0) break;
    spans.push({ start: open + 1, end: close });
    open = raw.indexOf(0x22, close + 1);
  }
  return spans;
}

/** Whether the quote at raw[at] follows an odd run of backslashes (is escaped). */
function escapedAt(raw, at) {
  let run = 0;
  while (raw[at - 1 - run] === 0x5c) run++;
  return run % 2 === 1;
}
