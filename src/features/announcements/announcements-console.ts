/**
 * /admin/announcements: staff write an announcement for a pack (admins any pack, staff their own), choose who gets
 * it, preview it (how many people, how many inside their window now), send it, and follow the report (sent / kept
 * for the person's next message / failed, per recipient).
 */
import { Router, type Request, type Response } from "express";
import type { ContentPack } from "../../content/index.js";
import type { Announcement, Audience } from "./announcement.js";
import { AnnouncementRefused, type AnnouncementService } from "./announcement-service.js";
import { announcementReply } from "./deliver-one.js";
import { HttpError } from "../../http/http-error.js";
import { vietnamInstant } from "../../reach/index.js";
import { canSeePack } from "../../web/auth/access.js";
import { sessionOf, staffOf } from "../../web/auth/console-auth.js";
import { redirectWithFlash } from "../../web/flash.js";
import { csrfField } from "../../web/layout.js";
import { sendPage } from "../../web/send-page.js";
import { isIsoDay } from "../../web/views/dates.js";
import { formatDateTime, formatNumber } from "../../web/views/format.js";
import { html } from "../../web/views/html.js";
import type { WebDeps } from "../../web/web-deps.js";

const KINDS: Record<Announcement["kind"], string> = { festival: "Lễ hội", class: "Lớp học mở", notice: "Thông báo chung" };
const STATUS: Record<Announcement["status"], string> = { draft: "Bản nháp", sending: "Đang gửi", done: "Đã gửi xong" };
const RESULT: Record<string, string> = { queued: "Đang chờ gửi", sending: "Đang gửi", sent: "Đã gửi", kept: "Chờ người dân nhắn lại", failed: "Không gửi được" };
const REASON: Record<string, string> = {
  window_closed: "quá thời hạn nhắn tin miễn phí của kênh",
  never_wrote: "người này chưa từng nhắn cho trang/OA",
  channel_off: "kênh chưa được cấu hình",
  refused: "kênh từ chối",
  too_late: "đã quá giờ",
};

/**
 * The announcement pages, for the console shell (src/web/index.ts mounts the features' pages).
 *
 * @example pages: [...consolePages, announcementsConsole(reach.announcements)]
 */
export function announcementsConsole(announcements: AnnouncementService): (deps: WebDeps) => Router {
  return (deps) => announcementsRoutes(deps, announcements);
}

function announcementsRoutes(deps: WebDeps, announcements: AnnouncementService): Router {
  const router = Router();
  const { requireStaff, checkCsrf } = deps.auth;
  const service = (): AnnouncementService => announcements;
  const packs = (res: Response) => [...deps.services.knowledge.content.packs.values()].filter((p) => canSeePack(staffOf(res), p.id));
  const mine = async (res: Response, id: string) => {
    const announcement = await service().get(id);
    if (!announcement || !canSeePack(staffOf(res), announcement.packId)) throw new HttpError(404, "Không tìm thấy thông báo.");
    return announcement;
  };

  router.get("/admin/announcements", requireStaff, async (req, res) => {
    const list = (await service().list()).filter((a) => canSeePack(staffOf(res), a.packId));
    const body = html`<h1>Thông báo</h1>
      <p class="actions"><a class="btn" href="/admin/announcements/new">Soạn thông báo</a></p>
      ${list.length
        ? html`<div class="table-wrap"><table class="cards"><thead><tr><th>Mã</th><th>Tiêu đề</th><th>Loại</th><th>Người nhận</th><th>Trạng thái</th><th>Lúc tạo</th></tr></thead>
          <tbody>${list.map((a) => html`<tr><td data-label="Mã"><a href="/admin/announcements/${a.id}">${a.id}</a></td><td data-label="Tiêu đề">${a.title}</td><td data-label="Loại">${KINDS[a.kind]}</td>
            <td data-label="Người nhận">${audienceLabel(a.audience, deps.services.knowledge.content.packs.get(a.packId))}</td><td data-label="Trạng thái">${STATUS[a.status]}</td><td data-label="Lúc tạo">${formatDateTime(a.createdAt)}</td></tr>`)}</tbody></table></div>`
        : html`<p class="muted">Chưa có thông báo nào.</p>`}`;
    sendPage(req, res, { title: "Thông báo", active: "announcements", body });
  });

  router.get("/admin/announcements/new", requireStaff, async (req, res) => {
    const choices = packs(res);
    const broadcastOffer = service().broadcastOffer;
    const body = html`<p><a href="/admin/announcements">← Thông báo</a></p><h1>Soạn thông báo</h1>
      <form method="post" action="/admin/announcements" class="card">
        ${csrfField(sessionOf(res).csrf)}
        <label for="pack">Gói nội dung (OA / trang)</label>
        <select id="pack" name="pack">${choices.map((p) => html`<option value="${p.id}"${p.id === (staffOf(res).packId ?? deps.services.knowledge.defaultPack) ? html` selected` : ""}>${p.names.vi}</option>`)}</select>
        <label for="kind">Loại</label>
        <select id="kind" name="kind">${Object.entries(KINDS).map(([value, label]) => html`<option value="${value}">${label}</option>`)}</select>
        <label for="title">Tiêu đề</label><input id="title" name="title" required maxlength="120">
        <label for="text">Nội dung (tiếng Việt)</label><textarea id="text" name="text" required maxlength="1500" rows="5"></textarea>
        <label for="textEn">Nội dung tiếng Anh (không bắt buộc; cho người nhắn bằng tiếng Anh)</label><textarea id="textEn" name="textEn" maxlength="1500" rows="3"></textarea>
        <label for="textZh">Nội dung tiếng Trung (không bắt buộc; nếu để trống, người nhắn tiếng Trung nhận bản tiếng Anh, không có thì bản tiếng Việt, kèm một dòng tiếng Trung báo điều đó)</label><textarea id="textZh" name="textZh" maxlength="1500" rows="3" lang="zh"></textarea>
        <label for="textKo">Nội dung tiếng Hàn (không bắt buộc; như trên, cho người nhắn tiếng Hàn)</label><textarea id="textKo" name="textKo" maxlength="1500" rows="3" lang="ko"></textarea>
        <label for="audience">Gửi tới</label>
        <select id="audience" name="audience">
          ${choices.map((p) => html`<optgroup label="${p.names.vi}: người đăng ký nhận nhắc">${topicsOf(p).map((t) => html`<option value="topic:${t.key}">${t.label}</option>`)}</optgroup>`)}
          <option value="reachable">Mọi người đang trong thời hạn nhắn tin của kênh</option>
          <option value="everyone">Mọi người từng nhắn (ai ngoài thời hạn nhận khi nhắn lại)</option>
          ${broadcastOffer ? html`<option value="broadcast">${broadcastOffer}</option>` : ""}
        </select>
        ${broadcastOffer ? html`<label for="articleId">Mã bài viết (attachment id) cho broadcast</label><input id="articleId" name="articleId">` : ""}
        <label for="validUntil">Hiệu lực đến (tin chờ gửi sau ngày này sẽ không gửi)</label><input type="date" id="validUntil" name="validUntil">
        <p class="actions"><button type="submit" class="btn">Xem trước</button></p>
      </form>`;
    sendPage(req, res, { title: "Soạn thông báo", active: "announcements", body });
  });

  router.post("/admin/announcements", requireStaff, checkCsrf, async (req, res) => {
    const form = req.body as Record<string, string | undefined>;
    const pack = packs(res).find((p) => p.id === form.pack);
    if (!pack) throw new HttpError(400, "Chọn gói nội dung.");
    const kind = (Object.keys(KINDS) as Announcement["kind"][]).find((k) => k === form.kind) ?? "notice";
    try {
      const audience = audienceFrom(form, pack);
      const announcement = await service().create({
        packId: pack.id,
        kind,
        title: String(form.title ?? "").trim(),
        text: String(form.text ?? "").trim(),
        textEn: String(form.textEn ?? "").trim() || undefined,
        textZh: String(form.textZh ?? "").trim() || undefined,
        textKo: String(form.textKo ?? "").trim() || undefined,
        audience,
        validUntil: isIsoDay(form.validUntil) ? vietnamInstant(form.validUntil, 24 * 60) : undefined,
        createdBy: staffOf(res).username,
      });
      res.redirect(303, `/admin/announcements/${announcement.id}`);
    } catch (error) {
      if (error instanceof AnnouncementRefused) return redirectWithFlash(res, "/admin/announcements/new", error.message, "error");
      throw error;
    }
  });

  router.get("/admin/announcements/:id", requireStaff, async (req, res) => {
    const announcement = await mine(res, String(req.params.id));
    if (announcement.status === "draft") return previewPage(req, res, announcement);
    return reportPage(req, res, announcement);
  });

  router.post("/admin/announcements/:id/send", requireStaff, checkCsrf, async (req, res) => {
    const announcement = await mine(res, String(req.params.id));
    try {
      await service().send(announcement.id);
      redirectWithFlash(res, `/admin/announcements/${announcement.id}`, "Đã bắt đầu gửi.");
    } catch (error) {
      if (error instanceof AnnouncementRefused) return redirectWithFlash(res, `/admin/announcements/${announcement.id}`, error.message, "error");
      throw error;
    }
  });

  async function previewPage(req: Request, res: Response, announcement: Announcement): Promise<void> {
    const preview = await service().preview(announcement.id);
    const pack = deps.services.knowledge.content.packs.get(announcement.packId);
    const isBroadcast = announcement.audience.kind === "broadcast";
    const body = html`<p><a href="/admin/announcements">← Thông báo</a></p>
      <h1>Xem trước: ${announcement.title}</h1>
      <section class="card"><h2>Người dân sẽ nhận</h2><pre class="message">${announcement.title}\n${announcement.text}</pre>
        ${announcement.textEn ? html`<p class="muted small">Người nhắn bằng tiếng Anh nhận:</p><pre class="message">${announcement.title}\n${announcement.textEn}</pre>` : ""}
        <p class="muted small">Người nhắn bằng tiếng Trung nhận:</p><pre class="message" lang="zh">${announcementReply(announcement, "zh").text}</pre>
        <p class="muted small">Người nhắn bằng tiếng Hàn nhận:</p><pre class="message" lang="ko">${announcementReply(announcement, "ko").text}</pre></section>
      <section class="card"><h2>Người nhận</h2>
        <p>${audienceLabel(announcement.audience, pack)}</p>
        ${isBroadcast
          ? html`<p id="preview-count">Broadcast tới người quan tâm OA. Còn ${preview.broadcastsLeft} lượt trong tháng.</p>`
          : html`<p id="preview-count"><strong>${formatNumber(preview.recipients)}</strong> người; ${formatNumber(preview.inWindow)} người đang trong thời hạn nhắn tin (gửi ngay), ${formatNumber(preview.recipients - preview.inWindow)} người nhận khi họ nhắn lại${announcement.validUntil ? ` (trước ${formatDateTime(announcement.validUntil)})` : ""}.</p>`}
      </section>
      <form method="post" action="/admin/announcements/${announcement.id}/send">${csrfField(sessionOf(res).csrf)}<button type="submit" class="btn">Gửi</button></form>`;
    sendPage(req, res, { title: "Xem trước thông báo", active: "announcements", body });
  }

  async function reportPage(req: Request, res: Response, announcement: Announcement): Promise<void> {
    const { totals, problems } = await service().report(announcement.id);
    const pack = deps.services.knowledge.content.packs.get(announcement.packId);
    const body = html`<p><a href="/admin/announcements">← Thông báo</a></p>
      <h1>${announcement.title}</h1>
      <p class="muted">${announcement.id} · ${KINDS[announcement.kind]} · ${audienceLabel(announcement.audience, pack)} · ${STATUS[announcement.status]} · gửi lúc ${formatDateTime(announcement.sentAt)}</p>
      ${announcement.broadcast
        ? html`<p id="report-broadcast">${announcement.broadcast.error ? `Broadcast không gửi được: ${announcement.broadcast.error}` : "Đã gửi broadcast tới người quan tâm OA."}</p>`
        : html`<div class="table-wrap"><table id="report-totals"><thead><tr><th>Đã gửi</th><th>Chờ người dân nhắn lại</th><th>Không gửi được</th><th>Đang chờ gửi</th></tr></thead>
          <tbody><tr><td class="num" data-result="sent">${formatNumber(totals.sent)}</td><td class="num" data-result="kept">${formatNumber(totals.kept)}</td><td class="num" data-result="failed">${formatNumber(totals.failed)}</td><td class="num" data-result="queued">${formatNumber(totals.queued + totals.sending)}</td></tr></tbody></table></div>`}
      ${problems.length
        ? html`<h2>Chưa gửi được</h2><div class="table-wrap"><table class="cards"><thead><tr><th>Kênh</th><th>Người nhận</th><th>Kết quả</th><th>Lý do</th></tr></thead>
          <tbody>${problems.map((d) => html`<tr><td data-label="Kênh">${d.person.channel}</td><td data-label="Người nhận">${d.person.userId}</td><td data-label="Kết quả">${RESULT[d.status]}</td><td data-label="Lý do">${REASON[d.detail ?? ""] ?? d.detail ?? ""}</td></tr>`)}</tbody></table></div>`
        : ""}`;
    sendPage(req, res, { title: "Báo cáo thông báo", active: "announcements", body });
  }

  return router;
}

/** The topics people of a pack can subscribe to: its festivals and the class kinds. */
function topicsOf(pack: ContentPack): { key: string; label: string }[] {
  return [
    ...pack.festivals.map((f) => ({ key: `festival:${f.id}`, label: `Nhắc ${f.names.vi}` })),
    { key: "class:quan_ho", label: "Lớp Quan họ mới" },
    { key: "class:craft", label: "Lớp nghề truyền thống mới" },
  ];
}

function audienceFrom(form: Record<string, string | undefined>, pack: ContentPack): Audience {
  const value = String(form.audience ?? "");
  if (value.startsWith("topic:")) {
    const key = value.slice("topic:".length);
    if (!topicsOf(pack).some((t) => t.key === key)) throw new AnnouncementRefused("Chủ đề này không thuộc gói nội dung đã chọn.");
    return { kind: "topic", topicKey: key };
  }
  if (value === "reachable" || value === "everyone") return { kind: value };
  if (value === "broadcast") {
    const articleId = String(form.articleId ?? "").trim();
    if (!/^[\w-]{4,100}$/.test(articleId)) throw new AnnouncementRefused("Broadcast cần mã bài viết đã đăng trên OA.");
    return { kind: "broadcast", articleId };
  }
  throw new AnnouncementRefused("Chọn người nhận.");
}

function audienceLabel(audience: Audience, pack: ContentPack | undefined): string {
  if (audience.kind === "topic") return pack ? (topicsOf(pack).find((t) => t.key === audience.topicKey)?.label ?? audience.topicKey) : audience.topicKey;
  if (audience.kind === "reachable") return "Mọi người trong thời hạn nhắn tin";
  if (audience.kind === "everyone") return "Mọi người từng nhắn";
  return "Broadcast OA tới người quan tâm";
}
