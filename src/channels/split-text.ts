/**
 * Splits text into parts of at most `limit` characters, preferring paragraph, then sentence, then word
 * boundaries, so a long answer reads naturally across several messages. Shared by every channel.
 *
 * @example splitText("a ".repeat(3000), 2000).length // 3
 */
export function splitText(text: string, limit: number): string[] {
  const parts: string[] = [];
  let rest = text.trim();
  // A text of at most `limit` UTF-16 units has at most `limit` characters: no need to count them (nearly every reply).
  while (rest.length > limit && [...rest].length > limit) {
    const window = [...rest].slice(0, limit).join("");
    const cut = lastBoundary(window, limit);
    parts.push(window.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest.length > 0 || parts.length === 0) parts.push(rest);
  return parts;
}

function lastBoundary(window: string, limit: number): number {
  const minimum = Math.floor(limit / 2);
  for (const pattern of [/\n\n/g, /[.!?…]\s/g, /\n/g, /\s/g]) {
    let best = -1;
    for (const match of window.matchAll(pattern)) if (match.index! + match[0].length >= minimum) best = match.index! + match[0].length;
    if (best > 0) return best;
  }
  return window.length;
}
