/**
 * How much of a message the understanding layer reads. Questions are short; a long text (a pasted article, a
 * run of "PA-PA-PA-…" up to the 1 MB webhook body limit) is cut here so that every later step — normalising,
 * classifying, matching names — works on a bounded input. The whole text stays in the transcript.
 *
 * @example cutForUnderstanding("a ".repeat(5000)).length // ≤ 2000
 */

/** Characters (UTF-16 units) of a message the understander reads. Residents' questions are far shorter. */
export const MAX_UNDERSTOOD_CHARS = 2_000;
/** A cut looks this far back for a space, so a word is not split in half. */
const WORD_BOUNDARY_LOOKBACK = 200;

/** The first {@link MAX_UNDERSTOOD_CHARS} characters, ending at a space when one is near, never inside a surrogate pair. */
export function cutForUnderstanding(text: string, max = MAX_UNDERSTOOD_CHARS): string {
  if (text.length <= max) return text;
  let end = max;
  const space = text.lastIndexOf(" ", max);
  if (space >= max - WORD_BOUNDARY_LOOKBACK && space > 0) end = space;
  else if (isHighSurrogate(text.charCodeAt(end - 1))) end--; // keep "🙏" whole (or drop it), never half
  return text.slice(0, end).trimEnd();
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
