/**
 * The /chat page: a small, accessible chat with the bot (no framework, no CDN). The first bubble greets the person
 * with the main menu; everything after goes through the pipeline (chat.js). The frame speaks the person's language
 * (src/web/chat/chat-frame.ts) and follows it when they switch: each API answer carries the frame's texts.
 */
import { mainMenu } from "../../shared/menu.js";
import type { ContentPack, Text } from "../../content/index.js";
import type { Language } from "../../nlu/index.js";
import { html, type Html } from "../views/html.js";
import { chatFrame, type ChatFrame } from "./chat-frame.js";

/** A pack's name in the frame's language (English when there is no translation, then Vietnamese). */
function nameIn(text: Text, lang: Language): string {
  return (lang === "vi" ? undefined : text[lang] ?? text.en) ?? text.vi;
}

/** The frame's texts as the API sends them to chat.js (the greeting is only on the page). */
export function frameJson(lang: Language, pack: ContentPack): Omit<ChatFrame, "greeting"> & { subtitle: string } {
  const { greeting: _greeting, ...texts } = chatFrame(lang);
  return { ...texts, subtitle: `${nameIn(pack.names, lang)} · ${nameIn(pack.province, lang)}` };
}

/** The whole chat page for a pack, in `lang`. */
export function chatPage(pack: ContentPack, packParam: string | undefined, lang: Language = "vi"): Html {
  const menu = mainMenu(lang);
  const frame = chatFrame(lang);
  const texts = frameJson(lang, pack);
  return html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${frame.title} · ${nameIn(pack.names, lang)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/chat/static/chat.css">
<script src="/chat/static/chat.js" defer></script>
</head>
<body>
<div class="chat" data-pack="${packParam ?? ""}" data-lang="${lang}" data-typing="${frame.typing}" data-send-failed="${frame.sendFailed}" data-offline="${frame.offline}" data-staff="${frame.staff}" data-waiting="${frame.waiting}" data-photo="${frame.photo}" data-location="${frame.location}" data-no-location="${frame.noLocation}">
  <header>
    <h1 id="chat-title">${frame.title}</h1>
    <p id="chat-subtitle">${texts.subtitle}</p>
  </header>
  <ol class="log" id="log" aria-live="polite" aria-label="${frame.logLabel}">
    <li class="bot">
      <p>${frame.greeting(nameIn(pack.names, lang))}</p>
      <div class="choices">${menu.map((c) => html`<button type="button" data-choice="${c.payload}">${c.title}</button>`)}</div>
    </li>
  </ol>
  <p class="status" id="status" role="status" hidden>${frame.waiting}</p>
  <form id="composer" autocomplete="off">
    <label class="tool" id="photo-label" title="${frame.photo}">📷<span class="visually-hidden">${frame.photo}</span><input id="photo" type="file" accept="image/jpeg,image/png,image/gif,image/webp" class="visually-hidden"></label>
    <button type="button" id="locate" class="tool" title="${frame.location}">📍<span class="visually-hidden">${frame.location}</span></button>
    <label for="text" class="visually-hidden" id="text-label">${frame.inputLabel}</label>
    <input id="text" name="text" type="text" maxlength="1000" placeholder="${frame.placeholder}" required>
    <button type="submit" id="send">${frame.send}</button>
  </form>
  <p class="note"><span id="chat-note">${frame.note}</span> <noscript>Trang này cần bật JavaScript.</noscript></p>
</div>
</body>
</html>`;
}

/** A reply as the chat script shows it. */
export type ChatReplyJson = { text: string; fromStaff?: true; choices?: { title: string; payload: string }[]; links?: { title: string; url: string }[]; images?: { url: string; caption?: string }[] };
