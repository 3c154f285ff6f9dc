/**
 * /admin/content (admins): the festivals, heritage, classes and contacts of a pack in forms. A save is validated
 * with the start-up schemas, written to the pack's YAML file and live at once (the knowledge is reloaded); the
 * preview shows how the bot now answers.
 */
import { Router, type Request, type Response } from "express";
import type { ContentPack, WritablePackFile } from "../../../content/index.js";
import { HttpError } from "../../../http/http-error.js";
import { sessionOf, staffOf } from "../../auth/console-auth.js";
import { html, type Html } from "../../views/html.js";
import { csrfField, page } from "../../layout.js";
import type { WebDeps } from "../../web-deps.js";
import { flashFrom, redirectWithFlash } from "../../flash.js";
import { FIELDS, isWritableFile, KIND_NAMES, WRITABLE_FILES } from "./content-fields.js";
import { applyForm, formInputs, type FieldError } from "./content-form.js";
import { previewAnswer } from "./content-preview.js";
import { issueText } from "./issue-text.js";
import { PackFiles } from "./pack-files.js";
import { recordContentChange } from "../../yearly/content-changes.js";
import { REVIEWED_LANGUAGES, unreviewedIn } from "./translations.js";

type Item = Record<string, unknown> & { id: string };

/** The display name of an item (names.vi or title.vi). */
function itemName(item: Record<string, unknown>): string {
  const text = (item.names ?? item.title) as { vi?: string } | undefined;
  return text?.vi ?? String(item.id);
}

/** A question to preview an item with. */
export function sampleQuestion(file: WritablePackFile, item: Record<string, unknown>): string {
  const name = itemName(item);
  switch (file) {
    case "festivals":
      return `${name} năm nay ngày nào?`;
    case "heritage":
      return `${name} ở đâu?`;
    case "classes":
      return `${name} học khi nào?`;
    case "contacts":
      return `Số điện thoại ${name}?`;
  }
}

/** The content pages. */
export function contentRoutes(deps: WebDeps): Router {
  const router = Router();
  const { requireAdmin, checkCsrf } = deps.auth;
  const files = new PackFiles(deps.services.knowledge);
  const content = () => deps.services.knowledge.content;

  const packOf = (id: unknown): ContentPack => {
    const pack = typeof id === "string" ? content().packs.get(id) : undefined;
    if (!pack) throw new HttpError(404, "Không có gói nội dung này.");
    return pack;
  };
  const fileOf = (value: unknown): WritablePackFile => {
    if (typeof value !== "string" || !isWritableFile(value)) throw new HttpError(404, "Không có loại nội dung này.");
    return value;
  };
  /** Resolved items of a pack's file (own and inherited). */
  const resolvedItems = (pack: ContentPack, file: WritablePackFile) =>
    ({ festivals: pack.festivals, heritage: pack.heritage, classes: pack.classes, contacts: pack.contacts })[file] as unknown as Item[];

  const previewCard = async (packId: string, question: string | undefined): Promise<Html> => {
    const q = (question ?? "").trim().slice(0, 300);
    const result = q ? await previewAnswer(deps.services, packId, q) : undefined;
    return html`<section class="card" id="preview">
      <h2>Xem trước câu trả lời của bot</h2>
      <form method="get" action="/admin/content/${packId}/preview">
        <label for="q">Câu hỏi của người dân</label>
        <input type="search" id="q" name="q" value="${q}" placeholder="Ví dụ: Hội Lim năm nay ngày nào?">
        <div class="actions"><button type="submit">Xem trước</button></div>
      </form>
      ${
        result
          ? html`<p class="muted small">Ý định nhận ra: <b>${result.intent}</b> (độ tin cậy ${result.confidence})</p>
            ${result.reply ? html`<div class="preview" data-testid="preview-reply">${result.reply.text}</div>
              ${result.reply.choices?.length ? html`<div class="choices">${result.reply.choices.map((c) => html`<span>${c.title}</span>`)}</div>` : ""}` : html`<p class="preview">${result.dialog}</p>`}`
          : ""
      }
    </section>`;
  };

  /** "Bản dịch chưa duyệt: Tiếng Trung, Tiếng Hàn" next to an item in the lists. */
  const pendingBadge = (item: Record<string, unknown>): Html | string => {
    const langs = new Set(unreviewedIn(item).map((p) => p.lang));
    if (!langs.size) return "";
    const names = REVIEWED_LANGUAGES.filter((l) => langs.has(l.lang)).map((l) => l.name);
    return html` <span class="badge" data-testid="unreviewed">bản dịch chưa duyệt: ${names.join(", ")}</span>`;
  };

  /** How many Chinese / Korean translations of the pack wait for a staff review. */
  const translationsCard = (pack: ContentPack): Html => {
    const pending = WRITABLE_FILES.flatMap((file) => resolvedItems(pack, file).map((item) => ({ file, item, list: unreviewedIn(item) }))).filter((p) => p.list.length);
    const count = (lang: "zh" | "ko") => pending.reduce((n, p) => n + p.list.filter((t) => t.lang === lang).length, 0);
    return html`<section class="card" id="translations">
      <h2>Bản dịch tiếng Trung, tiếng Hàn</h2>
      <p class="small">Du khách hỏi bằng tiếng Trung hoặc tiếng Hàn được trả lời bằng bản dịch trong nội dung; thiếu bản dịch thì bot dùng tiếng Anh.
        Bản dịch <b>chưa duyệt</b> vẫn được dùng nhưng cần cán bộ kiểm tra: mở mục, sửa nếu cần và đánh dấu “Đã duyệt bản dịch”.</p>
      <p>${REVIEWED_LANGUAGES.map((l) => html`${l.name}: <b data-testid="unreviewed-${l.lang}">${count(l.lang)}</b> trường chưa duyệt. `)}</p>
      ${pending.length ? html`<ul class="list">${pending.map((p) => html`<li><a href="/admin/content/${pack.id}/${p.file}/item/${p.item.id}">${itemName(p.item)}</a> <span class="muted small">(${KIND_NAMES[p.file].one}: ${[...new Set(p.list.map((t) => t.path))].join(", ")})</span></li>`)}</ul>` : ""}
    </section>`;
  };

  const render = (req: Request, res: Response, title: string, body: Html, status = 200) => {
    res.status(status).type("html").send(page({ title, user: staffOf(res), csrf: sessionOf(res).csrf, active: "content", body, flash: flashFrom(req, res) }).value);
  };

  router.get("/admin/content", requireAdmin, async (req, res) => {
    const pack = packOf(typeof req.query.pack === "string" ? req.query.pack : deps.services.knowledge.defaultPack);
    const sections = WRITABLE_FILES.map((file) => {
      const own = new Set(files.ownItems(pack.id, file).map((i) => i.id));
      const items = resolvedItems(pack, file);
      return html`<section class="card">
        <h2>${KIND_NAMES[file].plural} <span class="muted small">(${items.length})</span></h2>
        <ul class="list">${items.map(
          (item) => html`<li><a href="/admin/content/${pack.id}/${file}/item/${item.id}">${itemName(item)}</a>
            ${own.has(item.id) ? "" : html` <span class="badge">kế thừa từ gói cấp trên</span>`}${pendingBadge(item)}</li>`,
        )}</ul>
        <p><a class="btn secondary" href="/admin/content/${pack.id}/${file}/new">Thêm ${KIND_NAMES[file].one}</a></p>
      </section>`;
    });
    const body = html`<h1>Nội dung</h1>
      <form method="get" action="/admin/content" class="card">
        <label for="pack">Gói nội dung (địa phương)</label>
        <select id="pack" name="pack">${[...content().packs.values()].map((p) => html`<option value="${p.id}"${p.id === pack.id ? html` selected` : ""}>${p.names.vi}</option>`)}</select>
        <div class="actions"><button type="submit">Mở</button></div>
      </form>
      <p class="muted small">Sửa ở đây là sửa tệp nội dung của gói (content/${pack.id}/). Bot trả lời theo nội dung mới ngay sau khi lưu. Một mục “kế thừa” khi sửa sẽ được lưu thành bản riêng của gói này.</p>
      ${translationsCard(pack)}
      ${await previewCard(pack.id, undefined)}
      <div class="grid cols-2">${sections}</div>`;
    render(req, res, "Nội dung", body);
  });

  router.get("/admin/content/:pack/preview", requireAdmin, async (req, res) => {
    const pack = packOf(req.params.pack);
    const body = html`<p><a href="/admin/content?pack=${pack.id}">← Nội dung ${pack.names.vi}</a></p>
      <h1>Xem trước – ${pack.names.vi}</h1>${await previewCard(pack.id, typeof req.query.q === "string" ? req.query.q : "")}`;
    render(req, res, "Xem trước", body);
  });

  const editPage = async (req: Request, res: Response, pack: ContentPack, file: WritablePackFile, item: Record<string, unknown>, options: { isNew: boolean; errors?: FieldError[]; other?: string[]; question?: string }) => {
    const fields = FIELDS[file];
    const own = options.isNew || files.ownItems(pack.id, file).some((i) => i.id === item.id);
    const action = options.isNew ? `/admin/content/${pack.id}/${file}/new` : `/admin/content/${pack.id}/${file}/item/${String(item.id)}`;
    const errors = options.errors ?? [];
    const summary =
      errors.length || options.other?.length
        ? html`<div class="flash error" role="alert"><b>Chưa lưu được:</b>
            <ul>${errors.map((e) => html`<li>${e.label}: ${e.message}</li>`)}${(options.other ?? []).map((o) => html`<li>${o}</li>`)}</ul></div>`
        : "";
    const idInput = options.isNew
      ? html`<div><label for="f-id">Mã (chữ thường không dấu, gạch ngang)</label><input type="text" id="f-id" name="id" value="${String(item.id ?? "")}" required pattern="[a-z0-9]+(-[a-z0-9]+)*" placeholder="vi-du-le-hoi"></div>`
      : html`<p class="muted small">Mã: <code>${String(item.id)}</code>${own ? "" : " · đang kế thừa từ gói cấp trên: lưu sẽ tạo bản riêng của gói này"}</p>`;
    const body = html`<p><a href="/admin/content?pack=${pack.id}">← Nội dung ${pack.names.vi}</a></p>
      <h1>${options.isNew ? `Thêm ${KIND_NAMES[file].one}` : itemName(item)}</h1>
      ${summary}
      ${options.question ? await previewCard(pack.id, options.question) : ""}
      <form method="post" action="${action}" class="card" novalidate>
        ${csrfField(sessionOf(res).csrf)}
        ${idInput}
        ${formInputs(fields, item, errors)}
        <div class="actions"><button type="submit">Lưu</button><a class="btn secondary" href="/admin/content?pack=${pack.id}">Hủy</a></div>
      </form>
      ${
        !options.isNew && own
          ? html`<form method="post" action="${action}/delete" data-confirm="Xóa mục này khỏi gói ${pack.names.vi}?">${csrfField(sessionOf(res).csrf)}
              <button type="submit" class="btn danger">Xóa khỏi gói này</button></form>`
          : ""
      }`;
    render(req, res, itemName(item), body, errors.length || options.other?.length ? 400 : 200);
  };

  router.get("/admin/content/:pack/:file/new", requireAdmin, async (req, res) => {
    await editPage(req, res, packOf(req.params.pack), fileOf(req.params.file), {}, { isNew: true });
  });

  router.get("/admin/content/:pack/:file/item/:id", requireAdmin, async (req, res) => {
    const pack = packOf(req.params.pack);
    const file = fileOf(req.params.file);
    const id = String(req.params.id);
    const item = files.ownItems(pack.id, file).find((i) => i.id === id) ?? resolvedItems(pack, file).find((i) => i.id === id);
    if (!item) throw new HttpError(404, "Không có mục này.");
    await editPage(req, res, pack, file, item, { isNew: false, question: typeof req.query.q === "string" ? req.query.q : undefined });
  });

  const save = async (req: Request, res: Response, isNew: boolean) => {
    const pack = packOf(req.params.pack);
    const file = fileOf(req.params.file);
    const form = req.body as Record<string, unknown>;
    let base: Record<string, unknown>;
    let id: string;
    if (isNew) {
      id = typeof form.id === "string" ? form.id.trim() : "";
      if (resolvedItems(pack, file).some((i) => i.id === id)) {
        return editPage(req, res, pack, file, { ...applyForm(FIELDS[file], {}, form).item, id }, { isNew, errors: [{ path: "id", label: "Mã", message: `Mã “${id}” đã có.` }] });
      }
      base = {};
    } else {
      id = String(req.params.id);
      const known = files.ownItems(pack.id, file).find((i) => i.id === id) ?? resolvedItems(pack, file).find((i) => i.id === id);
      if (!known) throw new HttpError(404, "Không có mục này.");
      base = known;
    }
    const { item, errors } = applyForm(FIELDS[file], base, form);
    // The id goes first in the file, as the hand-written files have it.
    const ordered = { id, ...Object.fromEntries(Object.entries(item).filter(([k]) => k !== "id")) } as Item;
    if (errors.length) return editPage(req, res, pack, file, ordered, { isNew, errors });
    const result = await files.save(pack.id, file, ordered);
    if (!result.ok) {
      const labels = new Map(FIELDS[file].map((f) => [f.path, f.label]));
      // The schema may report one field twice (≤ 31 for any day, then ≤ 30 for a lunar one): the last is the most specific.
      const lastPerPath = [...new Map(result.fieldErrors.map((e) => [e.path, e])).values()];
      const fieldErrors = lastPerPath.map((e) => ({
        path: e.path,
        label: labels.get(e.path) ?? labels.get(e.path.replace(/\.(vi|en|zh|ko|reviewed\.zh|reviewed\.ko)$/, "")) ?? (e.path === "id" ? "Mã" : e.path),
        message: issueText(e.message),
      }));
      return editPage(req, res, pack, file, ordered, { isNew, errors: fieldErrors, other: result.otherErrors.map(issueText) });
    }
    deps.services.logger.info({ pack: pack.id, file, id, by: staffOf(res).username }, "content saved from the console");
    await recordContentChange(deps.services.store, { at: deps.services.now(), by: staffOf(res).username, packId: pack.id, file, itemId: id, action: isNew ? "created" : "saved" });
    const question = sampleQuestion(file, ordered);
    redirectWithFlash(res, `/admin/content/${pack.id}/${file}/item/${id}?q=${encodeURIComponent(question)}#preview`, "Đã lưu. Bot trả lời theo nội dung mới ngay từ bây giờ.");
  };

  router.post("/admin/content/:pack/:file/new", requireAdmin, checkCsrf, (req, res) => save(req, res, true));
  router.post("/admin/content/:pack/:file/item/:id", requireAdmin, checkCsrf, (req, res) => save(req, res, false));

  router.post("/admin/content/:pack/:file/item/:id/delete", requireAdmin, checkCsrf, async (req, res) => {
    const pack = packOf(req.params.pack);
    const file = fileOf(req.params.file);
    const id = String(req.params.id);
    if (!files.ownItems(pack.id, file).some((i) => i.id === id)) throw new HttpError(404, "Mục này không thuộc riêng gói này.");
    const result = await files.remove(pack.id, file, id);
    if (!result.ok) {
      redirectWithFlash(res, `/admin/content/${pack.id}/${file}/item/${id}`, `Không xóa được: ${result.otherErrors.map(issueText).join("; ")}`, "error");
      return;
    }
    await recordContentChange(deps.services.store, { at: deps.services.now(), by: staffOf(res).username, packId: pack.id, file, itemId: id, action: "removed" });
    redirectWithFlash(res, `/admin/content?pack=${pack.id}`, "Đã xóa.");
  });

  return router;
}

