/**
 * /admin/dead-letters (admins): replies the channels refused or that failed after retries (the `dead_letters`
 * collection written by src/server.ts), newest first, so staff can reach the person another way.
 */
import { Router } from "express";
import type { Reply } from "../../core/message.js";
import { formatDateTime } from "../views/format.js";
import { html } from "../views/html.js";
import { sendPage } from "../send-page.js";
import type { WebDeps } from "../web-deps.js";

interface DeadLetter {
  id: string;
  at: number;
  recipient: { channel: string; accountId: string; userId: string };
  reply: Reply;
  error: string;
}

/** The dead-letter page. */
export function deadLettersRoutes(deps: WebDeps): Router {
  const router = Router();
  router.get("/admin/dead-letters", deps.auth.requireAdmin, async (req, res) => {
    const letters = (await deps.services.store.collection<DeadLetter>("dead_letters").find()).sort((a, b) => b.at - a.at).slice(0, 200);
    const body = html`<h1>Tin không gửi được</h1>
      <p class="muted small">Trả lời của bot mà kênh từ chối hoặc lỗi sau nhiều lần thử.</p>
      ${letters.length
        ? html`<div class="table-wrap"><table class="cards"><thead><tr><th>Lúc</th><th>Kênh</th><th>Người nhận</th><th>Nội dung</th><th>Lỗi</th></tr></thead>
          <tbody>${letters.map((l) => html`<tr><td data-label="Lúc">${formatDateTime(l.at)}</td><td data-label="Kênh">${l.recipient.channel}</td><td data-label="Người nhận">${l.recipient.userId}</td><td data-label="Nội dung">${l.reply.text.slice(0, 200)}</td><td data-label="Lỗi">${l.error.slice(0, 200)}</td></tr>`)}</tbody></table></div>`
        : html`<p class="muted">Không có.</p>`}`;
    sendPage(req, res, { title: "Tin không gửi được", body });
  });
  return router;
}
