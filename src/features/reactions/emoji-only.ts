/**
 * True for a message of emoji or emoticons only ("👍", "❤️❤️", ":)", "<3"): a reaction, not a question.
 *
 * @example isEmojiOnly("👍🏻") // true
 * @example isEmojiOnly("1")   // false (digits are emoji components, but a number is an answer)
 */
export function isEmojiOnly(text: string | undefined): boolean {
  const compact = (text ?? "").replace(/[\s\u200d\ufe0f\u20e3]/g, "");
  if (!compact) return false;
  if (/^(?:[:;=xX8][-']?[)(DPpOo3|\\/*]+|<3|\^\^|\^_\^)+$/.test(compact)) return true;
  return /^(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|\p{Regional_Indicator})+$/u.test(compact);
}
