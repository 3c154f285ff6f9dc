/**
 * /admin/dead-letters (admins): replies given up (the `dead_letters` collection, src/queue/dead-letters.ts), newest
 * first, with why — refused by the platform, maybe sent (a try timed out and was not repeated: check with the person),
 * or too old — so staff can reach the person another way; and the replies waiting in the outbox for another try
 * (a platform outage).
 */
import { Router } from "express";
import { OUTBOX, type OutboxEntry } from "../../core/outbound.js";
import { DEAD_LETTER_KIND_TEXT, listDeadLetters } from "../../queue/dead-letters.js";
import { formatDateTime } from "../views/format.js";
import { html } from "../views/html.js";
import { sendPage } from "../send-page.js";
import type { WebDeps } from "../web-deps.js";

/** The dead-letter page. */
export function deadLettersRoutes(deps: WebDeps): Router {
  const router = Router();
  router.get("/admin/dead-letters", deps.auth.requireAdmin, async (req, res) => {
    const letters = await listDeadLetters(deps.services.store, { limit: 200 });
    const waiting = (await deps.services.store.collection<OutboxEntry>(OUTBOX).find()).filter((entry) => entry.attempts > 0).sort((a, b) => a.createdAt - b.createdAt).slice(0, 200);
    const body = html`<h1>Tin không gửi được</h1>
      <p class="muted small">Trả lời của bot mà kênh từ chối, có thể đã gửi (hết thời gian chờ nên không gửi lại — hãy hỏi lại người dân), hoặc quá hạn mà chưa gửi được.</p>
      ${letters.length
        ? html`<div class="table-wrap"><table class="cards"><thead><tr><th>Lúc</th><th>Kênh</th><th>Người nhận</th><th>Nội dung</th><th>Tình trạng</th><th>Lỗi</th></tr></thead>
          <tbody>${letters.map((l) => html`<tr><td data-label="Lúc">${formatDateTime(l.at)}</td><td data-label="Kênh">${l.recipient.channel}</td><td data-label="Người nhận">${l.recipient.userId}</td><td data-label="Nội dung">${l.reply.text.slice(0, 200)}</td><td data-label="Tình trạng">${DEAD_LETTER_KIND_TEXT[l.kind ?? "refused"]}</td><td data-label="Lỗi">${l.error.slice(0, 200)}</td></tr>`)}</tbody></table></div>`
        : html`<p class="muted">Không có.</p>`}
      <h2>Đang chờ gửi lại</h2>
      <p class="muted small">Nền tảng chưa nhận (mất kết nối, lỗi máy chủ): bot thử lại, giãn dần, tới khi gửi được hoặc quá hạn.</p>
      ${waiting.length
        ? html`<div class="table-wrap"><table class="cards"><thead><tr><th>Viết lúc</th><th>Kênh</th><th>Người nhận</th><th>Nội dung</th><th>Số lần thử</th><th>Thử lại lúc</th><th>Lỗi gần nhất</th></tr></thead>
          <tbody>${waiting.map((e) => html`<tr><td data-label="Viết lúc">${formatDateTime(e.createdAt)}</td><td data-label="Kênh">${e.to.channel}</td><td data-label="Người nhận">${e.to.userId}</td><td data-label="Nội dung">${(e.replies[e.sent]?.text ?? "").slice(0, 200)}</td><td data-label="Số lần thử">${String(e.attempts)}</td><td data-label="Thử lại lúc">${formatDateTime(e.nextAttemptAt)}</td><td data-label="Lỗi gần nhất">${(e.lastError ?? "").slice(0, 200)}</td></tr>`)}</tbody></table></div>`
        : html`<p class="muted">Không có.</p>`}`;
    sendPage(req, res, { title: "Tin không gửi được", body });
  });
  return router;
}
