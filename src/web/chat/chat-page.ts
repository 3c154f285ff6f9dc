/**
 * The /chat page: a small, accessible chat with the bot (no framework, no CDN). The first bubble greets the person
 * with the main menu; everything after goes through the pipeline (chat.js).
 */
import { mainMenu } from "../../shared/menu.js";
import type { ContentPack } from "../../content/index.js";
import { html, type Html } from "../views/html.js";

/** The whole chat page for a pack. */
export function chatPage(pack: ContentPack, packParam: string | undefined): Html {
  const menu = mainMenu("vi");
  return html`<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Trợ lý văn hóa · ${pack.names.vi}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/chat/static/chat.css">
<script src="/chat/static/chat.js" defer></script>
</head>
<body>
<div class="chat" data-pack="${packParam ?? ""}">
  <header>
    <h1>Trợ lý văn hóa</h1>
    <p>${pack.names.vi} · ${pack.province.vi}</p>
  </header>
  <ol class="log" id="log" aria-live="polite" aria-label="Cuộc trò chuyện">
    <li class="bot">
      <p>Xin chào! Mình là trợ lý văn hóa của ${pack.names.vi}. Mình có thể giúp tra cứu lễ hội, di tích – di sản, lớp Quan họ, nhận phản ánh vi phạm trong hoạt động văn hóa, hoặc chuyển bạn tới cán bộ. Bạn muốn tìm hiểu gì?</p>
      <div class="choices">${menu.map((c) => html`<button type="button" data-choice="${c.payload}">${c.title}</button>`)}</div>
    </li>
  </ol>
  <p class="status" id="status" role="status" hidden>Đang chờ cán bộ trả lời. Tin nhắn của bạn vẫn được chuyển đến cán bộ.</p>
  <form id="composer" autocomplete="off">
    <label class="tool" title="Gửi ảnh">📷<span class="visually-hidden">Gửi ảnh</span><input id="photo" type="file" accept="image/jpeg,image/png,image/gif,image/webp" class="visually-hidden"></label>
    <button type="button" id="locate" class="tool" title="Chia sẻ vị trí">📍<span class="visually-hidden">Chia sẻ vị trí</span></button>
    <label for="text" class="visually-hidden">Tin nhắn</label>
    <input id="text" name="text" type="text" maxlength="1000" placeholder="Nhập câu hỏi, ví dụ: Hội Lim năm nay ngày nào?" required>
    <button type="submit" id="send">Gửi</button>
  </form>
  <p class="note">Bản trò chuyện trên web dùng cùng nội dung với Zalo OA và Facebook. <noscript>Trang này cần bật JavaScript.</noscript></p>
</div>
</body>
</html>`;
}

/** A reply as the chat script shows it. */
export type ChatReplyJson = { text: string; fromStaff?: true; choices?: { title: string; payload: string }[]; links?: { title: string; url: string }[]; images?: { url: string; caption?: string }[] };
