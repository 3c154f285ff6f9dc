/**
 * The domain-vocabulary check: a message whose content words are mostly unknown to the bot's domain is out of
 * scope, whatever the classifier says ("asdfgh", "giá bitcoin"), so it is never forced into an intent.
 *
 * @example coverage(["gia","vang"], vocabulary) // 0 when neither word occurs in an in-domain example
 */

// Folded function words of chat in both languages: they say nothing about the topic.
const FUNCTION_WORDS = new Set(
  ("em anh chi minh toi ban cho xin oi a ad admin la gi co khong duoc vay the nao nhu voi cua va thi ma roi nhe nha " +
    "nhi day kia nay ay ah ha u uh vang da ok lam biet muon can phai o tai trong ngoai tren duoi di ve ra vao " +
    "bao nhieu may khi sao ai dau dang se da chua con mot hai nhung cac moi rat qua lai cung van nua thoi chu " +
    "the a an is are was be do does can could would will i you me my we our your it this that what when where which " +
    "who how why of in on at to for from with about and or not no yes please there here any some have has get").split(" "),
);

/**
 * Calls and exclamations of Vietnamese chat ("ê ad", "ới", "hú", "alo", "hey", "nè", "ủa"): they ask for attention
 * or colour the tone and say nothing about the topic, like the function words. Matched on the accented token
 * (tokens of the message before folding): folded, "e", "hu", "ua" are also "em", "hư" (broken), "ùa".
 */
const CALLS = new Set(
  "ê ới ối ơ ờ ồ ủa ừ ừm hú hả hử hì alo alô hey ey yo nè".split(" "),
);

/** Whether a token (accented, lower case) is a call or exclamation ("ê", "hú", "alo"). */
export function isCall(token: string): boolean {
  return CALLS.has(token);
}

/**
 * The content words of a folded message: not function words, not numbers, not calls ("ê", "hú"; given the
 * accented `tokens` aligned with `foldedTokens`).
 */
export function contentWords(foldedTokens: readonly string[], tokens?: readonly string[]): string[] {
  return foldedTokens.filter((t, i) => !FUNCTION_WORDS.has(t) && !/^\d+$/.test(t) && !(tokens && CALLS.has(tokens[i])));
}

/** Share of content words found in the vocabulary; 1 when the message has none (the classifier decides). */
export function coverage(foldedTokens: readonly string[], vocabulary: ReadonlySet<string>, tokens?: readonly string[]): number {
  const words = contentWords(foldedTokens, tokens);
  if (words.length === 0) return 1;
  let known = 0;
  for (const word of words) if (vocabulary.has(word)) known++;
  return known / words.length;
}
