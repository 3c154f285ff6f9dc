/**
 * /admin/inbox: conversations handed to staff, newest first, with the whole conversation, a reply box (sent through
 * the person's channel by HandoffService, within the channel's window: past it the reply waits for the person's
 * next message) and "Trả lại cho bot". The list and the open conversation refresh themselves (console.js polls the
 * `.part` fragments), so new handoffs and messages appear without reloading.
 */
import { uriComponent } from "../../http/uri-component.js";
import { Router, type Response } from "express";
import type { Conversation } from "../../core/conversation.js";
import type { Handoff } from "../../domain/handoff.js";
import { HandoffNotOpen, HandoffService } from "./handoff-service.js";
import { HttpError } from "../../http/http-error.js";
import { canSeeHandoff } from "../../web/auth/access.js";
import { sessionOf, staffOf } from "../../web/auth/console-auth.js";
import type { StaffUserView } from "../../web/auth/staff-users.js";
import { formatDateTime, formatDuration, formatNumber } from "../../web/views/format.js";
import { html, type Html } from "../../web/views/html.js";
import { csrfField } from "../../web/layout.js";
import { sendPage } from "../../web/send-page.js";
import type { WebDeps } from "../../web/web-deps.js";
import { redirectWithFlash } from "../../web/flash.js";
import { sendWholeText, transcriptPageOr404 } from "./long-text.js";

const REASONS: Record<Handoff["reason"], string> = { asked: "Người dân yêu cầu", menu: "Chọn “Gặp cán bộ”", misunderstood: "Bot không hiểu hai lần liền" };
const STATUSES: Record<Handoff["status"], string> = { open: "Đang chờ cán bộ", released: "Đã trả lại cho bot", expired: "Hết hạn (24 giờ)", ended_by_person: "Người dân đã kết thúc" };

/** An open handoff waits for staff until a staff reply comes after the person's last message. */
function waitsForStaff(h: Handoff, lastFromPerson: { at: number } | undefined): boolean {
  if (h.status !== "open") return false;
  return !h.lastStaffReplyAt || (lastFromPerson !== undefined && lastFromPerson.at > h.lastStaffReplyAt);
}

function badgeText(h: Handoff, lastFromPerson: { at: number } | undefined): string {
  if (h.status !== "open") return STATUSES[h.status];
  return waitsForStaff(h, lastFromPerson) ? STATUSES.open : "Cán bộ đã trả lời";
}

/** The transcript as chat bubbles; a long message shows its start and links to the whole (page by page). */
export function transcriptList(lines: Conversation["transcript"], key: string): Html {
  const who = { person: "Người dân", bot: "Bot", staff: "Cán bộ" } as const;
  const whole = (full: NonNullable<Conversation["transcript"][number]["full"]>) =>
    html` … <a class="small" href="/admin/inbox/${uriComponent(key)}/text?id=${uriComponent(full.id)}">Xem toàn văn (${formatNumber(full.chars)} ký tự, ${full.pages} trang)</a>`;
  return html`<ol class="transcript" data-count="${lines.length}">${lines.map(
    (line) =>
      html`<li class="${line.from}"><span class="meta">${who[line.from]} · ${formatDateTime(line.at)}</span>${line.text}${line.full ? whole(line.full) : ""}${line.extra ? html`<span class="meta">${line.extra}</span>` : ""}</li>`,
  )}</ol>`;
}

/** The inbox pages. */
export function inboxRoutes(deps: WebDeps): Router {
  const router = Router();
  const { requireStaff, checkCsrf } = deps.auth;
  const handoffs = new HandoffService(deps.services);
  const officeOf = (packId: string) => deps.services.knowledge.content.packs.get(packId)?.office.id ?? "";
  const visible = async (user: StaffUserView) => (await handoffs.list()).filter((h) => canSeeHandoff(user, h, officeOf(h.packId)));

  const listPart = async (user: StaffUserView): Promise<Html> => {
    const all = await visible(user);
    const open = all.filter((h) => h.status === "open");
    const closed = all.filter((h) => h.status !== "open").slice(0, 20);
    const conversations = new Map<string, Conversation | undefined>();
    for (const h of [...open, ...closed]) conversations.set(h.key, await deps.services.conversations.get(h.key));
    const item = (h: Handoff) => {
      const last = conversations.get(h.key)?.transcript.filter((l) => l.from === "person").at(-1);
      return html`<li data-key="${h.key}">
        <a href="/admin/inbox/${uriComponent(h.key)}"><b>${deps.services.channels.label(h.person.channel)}</b> · ${REASONS[h.reason]}</a>
        <span class="badge${waitsForStaff(h, last) ? " open" : ""}">${badgeText(h, last)}</span>
        <br><span class="muted small">Mở lúc ${formatDateTime(h.openedAt)}${h.firstStaffReplyAt ? ` · đã trả lời sau ${formatDuration(h.firstStaffReplyAt - h.openedAt)}` : " · chưa có cán bộ trả lời"}</span>
        ${last ? html`<br><span class="small">“${last.text.slice(0, 140)}”</span>` : ""}
      </li>`;
    };
    return html`<div data-part="inbox" data-open="${open.map((h) => h.key).join(" ")}">
      <h2>Đang chờ (${open.length})</h2>
      ${open.length ? html`<ul class="list">${open.map(item)}</ul>` : html`<p class="muted">Không có cuộc trò chuyện nào đang chờ.</p>`}
      <h2>Gần đây</h2>
      ${closed.length ? html`<ul class="list">${closed.map(item)}</ul>` : html`<p class="muted">Chưa có.</p>`}
    </div>`;
  };

  router.get("/admin/inbox", requireStaff, async (req, res) => {
    const body = html`<h1>Hộp thư</h1>
      <p class="muted small">Các cuộc trò chuyện người dân muốn gặp cán bộ. Danh sách tự cập nhật.</p>
      <div data-poll="/admin/inbox.part" data-poll-ms="5000">${await listPart(staffOf(res))}</div>`;
    sendPage(req, res, { title: "Hộp thư", active: "inbox", body });
  });

  router.get("/admin/inbox.part", requireStaff, async (_req, res) => {
    res.type("html").send((await listPart(staffOf(res))).value);
  });

  const handoffFor = async (res: Response, key: string): Promise<Handoff> => {
    const handoff = await handoffs.get(key);
    if (!handoff || !canSeeHandoff(staffOf(res), handoff, officeOf(handoff.packId))) throw new HttpError(404, "Không tìm thấy cuộc trò chuyện này.");
    return handoff;
  };

  /** What the channel's window allows now, said plainly for the reply box. */
  const windowNote = (handoff: Handoff, conversation: Conversation | undefined): string => {
    const channel = deps.services.channels.get(handoff.person.channel);
    const last = conversation?.lastInboundAt;
    if (!channel || last === undefined) return "";
    const age = deps.services.now() - last;
    if (age <= channel.window.freeMs) return "Tin trả lời sẽ được gửi ngay.";
    if (age <= channel.window.staffMs) return "Đã quá thời hạn trả lời tự do của kênh: tin của cán bộ vẫn được gửi (thẻ nhân viên hỗ trợ).";
    return "Đã quá thời hạn kênh cho phép: tin sẽ được giữ và gửi khi người dân nhắn lại.";
  };

  const threadPart = async (key: string): Promise<Html> => transcriptList(await handoffs.transcript(key), key);

  router.get("/admin/inbox/:key", requireStaff, async (req, res) => {
    const handoff = await handoffFor(res, String(req.params.key));
    const conversation = await deps.services.conversations.get(handoff.key);
    const open = handoff.status === "open" && !handoffs.isDue(handoff);
    const path = `/admin/inbox/${uriComponent(handoff.key)}`;
    const body = html`<p><a href="/admin/inbox">← Hộp thư</a></p>
      <h1>${deps.services.channels.label(handoff.person.channel)} · ${REASONS[handoff.reason]} <span class="badge${open ? " open" : ""}">${STATUSES[handoff.status]}</span></h1>
      <p class="muted small">Mở lúc ${formatDateTime(handoff.openedAt)}${conversation?.lastInboundAt ? ` · người dân nhắn gần nhất ${formatDateTime(conversation.lastInboundAt)}` : ""}${open ? ` · tự trả lại cho bot lúc ${formatDateTime(handoffs.dueAt(handoff))} nếu không có cán bộ trả lời` : ""}</p>
      <section class="card" data-poll="${path}/part" data-poll-ms="4000">${await threadPart(handoff.key)}</section>
      ${
        open
          ? html`<section class="card">
              <form method="post" action="${path}/reply">
                ${csrfField(sessionOf(res).csrf)}
                <label for="text">Trả lời người dân</label>
                <textarea id="text" name="text" required maxlength="2000" placeholder="Chào bạn, tôi là cán bộ phòng Văn hóa…"></textarea>
                <p class="muted small">${windowNote(handoff, conversation)}</p>
                <div class="actions"><button type="submit">Gửi</button></div>
              </form>
              <form method="post" action="${path}/release" data-confirm="Trả cuộc trò chuyện lại cho bot? Người dân sẽ được báo.">
                ${csrfField(sessionOf(res).csrf)}
                <div class="actions"><button type="submit" class="btn secondary">Trả lại cho bot</button></div>
              </form>
            </section>`
          : html`<p class="muted">Cuộc trò chuyện đã đóng. Người dân có thể yêu cầu gặp cán bộ lại.</p>`
      }`;
    sendPage(req, res, { title: "Hộp thư", active: "inbox", body });
  });

  router.get("/admin/inbox/:key/part", requireStaff, async (req, res) => {
    const handoff = await handoffFor(res, String(req.params.key));
    res.type("html").send((await threadPart(handoff.key)).value);
  });

  // A long message, one screen (page) at a time, and the whole of it as a download.
  router.get("/admin/inbox/:key/text", requireStaff, async (req, res) => {
    const handoff = await handoffFor(res, String(req.params.key));
    const id = String(req.query.id ?? "");
    const number = Number(req.query.page ?? 1);
    const page = await transcriptPageOr404(deps.services.store, handoff.key, id, number);
    const base = `/admin/inbox/${uriComponent(handoff.key)}`;
    const link = (n: number, label: string) => html`<a class="btn secondary" href="${base}/text?id=${uriComponent(id)}&amp;page=${n}">${label}</a>`;
    const body = html`<p><a href="${base}">← Cuộc trò chuyện</a></p>
      <h1>Tin nhắn của người dân · trang ${page.page}/${page.pages}</h1>
      <p class="muted small">Tin dài được lưu nguyên văn; mỗi trang hiện ${formatNumber(page.text.length)} ký tự. <a href="${base}/text.txt?id=${uriComponent(id)}">Tải toàn văn (.txt)</a></p>
      <section class="card"><pre class="long-text">${page.text}</pre></section>
      <div class="actions">${page.page > 1 ? link(page.page - 1, "← Trang trước") : ""}${page.page < page.pages ? link(page.page + 1, "Trang sau →") : ""}</div>`;
    sendPage(req, res, { title: "Hộp thư", active: "inbox", body });
  });

  router.get("/admin/inbox/:key/text.txt", requireStaff, async (req, res) => {
    const handoff = await handoffFor(res, String(req.params.key));
    await sendWholeText(res, deps.services.store, handoff.key, String(req.query.id ?? ""), { download: true });
  });

  router.post("/admin/inbox/:key/reply", requireStaff, checkCsrf, async (req, res) => {
    const handoff = await handoffFor(res, String(req.params.key));
    const text = typeof req.body?.text === "string" ? req.body.text.trim().slice(0, 2000) : "";
    if (!text) throw new HttpError(400, "Nội dung trả lời trống.");
    const path = `/admin/inbox/${uriComponent(handoff.key)}`;
    try {
      const { delivery } = await handoffs.reply(handoff.key, text);
      redirectWithFlash(res, path, delivery === "sent" ? "Đã gửi cho người dân." : "Đã lưu: tin sẽ được gửi khi người dân nhắn lại (quá thời hạn kênh cho phép).");
    } catch (error) {
      if (!(error instanceof HandoffNotOpen)) throw error;
      redirectWithFlash(res, path, "Cuộc trò chuyện đã đóng, không gửi được.", "error");
    }
  });

  router.post("/admin/inbox/:key/release", requireStaff, checkCsrf, async (req, res) => {
    const handoff = await handoffFor(res, String(req.params.key));
    try {
      await handoffs.release(handoff.key);
      redirectWithFlash(res, "/admin/inbox", "Đã trả cuộc trò chuyện lại cho bot.");
    } catch (error) {
      if (!(error instanceof HandoffNotOpen)) throw error;
      redirectWithFlash(res, "/admin/inbox", "Cuộc trò chuyện đã đóng trước đó.", "error");
    }
  });

  return router;
}
