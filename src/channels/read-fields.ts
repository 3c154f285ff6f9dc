import type { LongText } from "../core/message.js";
import { longTextOf } from "../http/off-thread-json.js";

/**
 * Defensive readers for raw webhook payloads: a field of the wrong type reads as missing,
 * so odd input never throws inside a channel's to-message mapping.
 */

/** The value as a record, or undefined. */
export function obj(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** A non-empty string (numbers are accepted as their text: some ids arrive as numbers). */
export function str(value: unknown): string | undefined {
  if (typeof value === "string") return value.length > 0 ? value : undefined;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return undefined;
}

/** An array, or empty. */
export function arr(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A finite number from a number or numeric string. */
export function num(value: unknown): number | undefined {
  const n = typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" ? Number(value) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

/** An epoch-milliseconds timestamp a Date can hold; anything else reads as missing. */
export function epochMs(value: unknown): number | undefined {
  const n = num(value);
  return n !== undefined && n > 0 && n < 8.64e15 ? n : undefined;
}

/**
 * A text field of a parsed body, as the neutral message holds it: the string (for a long text of a large body, its
 * start) and, when the body was parsed off the main thread with its long strings left as bytes, `long` (its length
 * and its bytes: InboundMessage.long). Every text a channel takes from a body is read here, so none keeps only the start.
 *
 * @example const { text, long } = textField(body, "text");
 */
export function textField(parent: Record<string, unknown> | undefined, field: string): { text?: string; long?: LongText } {
  const text = str(parent?.[field]);
  if (text === undefined) return {};
  const long = longTextOf(parent, field);
  return long ? { text, long } : { text };
}
