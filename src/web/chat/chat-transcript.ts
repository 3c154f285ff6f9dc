/**
 * What the chat page shows after a reload: the recent lines of the person's conversation (who said what) and whether
 * a staff handoff is open. Only what the person saw or wrote: never the staff-side extras (attachment URLs, choice
 * payloads), so nothing internal reaches the page.
 */
import type { Conversation, TranscriptLine } from "../../core/conversation.js";
import type { LocalReply } from "../../channels/local/stored-channel.js";
import type { Language } from "../../nlu/index.js";
import { chatFrame } from "./chat-frame.js";

/** How many lines a reload shows. */
export const TRANSCRIPT_SHOWN = 60;

/** One line as the page shows it. */
export interface ChatLineJson {
  from: "person" | "bot" | "staff";
  text: string;
  at: number;
}

/** The state of the conversation the page needs beside the lines. */
export interface ChatStateJson {
  /** A handoff is open: the page shows "đang chờ cán bộ". */
  waitingForStaff: boolean;
}

/** The page's state for a conversation (none yet: a new person). */
export function chatState(conversation: Conversation | undefined): ChatStateJson {
  return { waitingForStaff: Boolean(conversation?.state.handoff) };
}

/** A person's line: their text, or what they sent when there was no text (a photo, a location). */
function personText(line: TranscriptLine, language: Language): string {
  if (line.text.trim()) return line.text;
  const extra = line.extra ?? "";
  if (/\[(image|file|video|audio)\]/.test(extra)) return chatFrame(language).photo;
  if (extra.includes("[location]")) return chatFrame(language).location;
  return "";
}

/**
 * The lines to show: the transcript's recent ones, then the replies just taken from the inbox that the transcript does
 * not hold yet (a notice is delivered a moment before it is written to the transcript).
 */
export function chatLines(conversation: Conversation | undefined, taken: readonly LocalReply[]): ChatLineJson[] {
  const language = conversation?.language ?? "vi";
  const lines = (conversation?.transcript ?? [])
    .slice(-TRANSCRIPT_SHOWN)
    .map((line) => ({ from: line.from, text: line.from === "person" ? personText(line, language) : line.text, at: line.at }))
    .filter((line) => line.text);
  const recent = lines.slice(-Math.max(taken.length * 2, 10)).filter((line) => line.from !== "person");
  for (const reply of taken) {
    const at = recent.findIndex((line) => line.text === reply.text);
    if (at >= 0) recent.splice(at, 1);
    else lines.push({ from: reply.fromStaff ? "staff" : "bot", text: reply.text, at: Date.now() });
  }
  return lines;
}
