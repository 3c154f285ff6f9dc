import { describe, expect, it } from "vitest";
import { isEmojiOnly } from "../../../src/features/reactions/emoji-only.js";

describe("isEmojiOnly", () => {
  it.each(["👍", "👍🏻", "❤️❤️", "😂 😂", "🇻🇳", ":)", ":-D", "<3", "^^", "👨‍👩‍👧"])("%s is a reaction", (text) => expect(isEmojiOnly(text)).toBe(true));
  it.each(["1", "#1", "ok", "hội lim 👍", "", "   ", "0912345678", "PA-2026-0001"])("%s is not", (text) => expect(isEmojiOnly(text)).toBe(false));
});
