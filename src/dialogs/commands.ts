import { normalize } from "../nlu/index.js";

/**
 * The few words a person uses to steer a dialog, in Vietnamese (with or without diacritics, teencode
 * expanded) and English. A command must be the whole message (politeness particles aside), so "hủy" inside a
 * description never cancels it.
 *
 * @example dialogCommand("Hủy ạ") // "cancel"
 * @example dialogCommand("bo qua nhe") // "skip"
 */

/** What a message asks the dialog to do. */
export type DialogCommand = "cancel" | "skip" | "done" | "resume" | "anonymous" | "yes" | "edit";

const COMMANDS: Record<DialogCommand, readonly string[]> = {
  cancel: ["huy", "huy bo", "huy di", "cancel", "thoi", "thoi khong gui nua", "khong gui nua", "dung lai", "stop", "quit", "huy phan anh", "huy dang ky", "khong dang ky nua"],
  skip: ["bo qua", "skip", "khong co", "khong", "khong biet", "khong ro", "khong nho", "next", "none", "no", "bo qua buoc nay"],
  done: ["xong", "xong roi", "het", "het roi", "done", "finish", "finished", "du roi", "the thoi", "vay thoi", "gui xong roi", "that's all", "thats all"],
  resume: ["tiep tuc", "tiep", "lam tiep", "continue", "resume", "tiep tuc phan anh"],
  anonymous: ["an danh", "anonymous", "giau ten", "khong de ten", "khong muon de ten", "gui an danh", "stay anonymous"],
  yes: ["gui", "gui di", "dong y", "ok", "oke", "xac nhan", "dung roi", "dung", "chinh xac", "co", "send", "yes", "confirm", "submit"],
  edit: ["sua", "sua lai", "chinh sua", "edit", "change"],
};

// Particles and pronouns that do not change what a short command means.
const PARTICLES = new Set(["a", "nhe", "nha", "nhe ban", "di", "luon", "oi", "ban oi", "giup", "giup minh", "please", "pls", "voi"]);
const SUBJECTS = ["toi muon", "minh muon", "em muon", "cho toi", "cho minh", "cho em", "toi", "minh", "em", "i want to", "i"];

/** The folded, particle-free form of a short message, used to compare with commands. */
export function commandText(text: string): string {
  let words = normalize(text).folded.split(" ").filter(Boolean);
  while (words.length > 1 && PARTICLES.has(words.at(-1)!)) words = words.slice(0, -1);
  while (words.length > 2 && PARTICLES.has(words.slice(-2).join(" "))) words = words.slice(0, -2);
  let joined = words.join(" ");
  for (const subject of SUBJECTS) {
    if (joined.startsWith(subject + " ") && joined.length > subject.length + 1) {
      joined = joined.slice(subject.length + 1);
      break;
    }
  }
  return joined;
}

/** The command a whole message is, if any. */
export function dialogCommand(text: string | undefined): DialogCommand | undefined {
  if (!text || text.length > 40) return undefined;
  const said = commandText(text);
  for (const [command, phrases] of Object.entries(COMMANDS) as [DialogCommand, readonly string[]][]) {
    if (phrases.includes(said)) return command;
  }
  return undefined;
}
