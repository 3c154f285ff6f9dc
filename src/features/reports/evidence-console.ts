/**
 * Report evidence in the console: the kept copy of each photo or file (src/media), served only to signed-in staff
 * of the report's unit (admins: all), and the block of the report page that shows them with their state.
 */
import { Router } from "express";
import type { EvidenceItem, Report } from "../../domain/report.js";
import { HttpError } from "../../http/http-error.js";
import { sendEvidence } from "../../media/send-evidence.js";
import { canSeeReport } from "../../web/auth/access.js";
import { staffOf } from "../../web/auth/console-auth.js";
import { html, type Html } from "../../web/views/html.js";
import type { WebDeps } from "../../web/web-deps.js";

/** GET /admin/reports/:code/evidence/:n (n from 1, as staff count). */
export function evidenceRoutes(deps: WebDeps): Router {
  const router = Router();
  router.get("/admin/reports/:code/evidence/:n", deps.auth.requireStaff, async (req, res) => {
    const code = String(req.params.code);
    const report = await deps.services.store.collection<Report>("reports").get(code);
    // Another unit's report reads as missing, as on the report pages.
    if (!report || !canSeeReport(staffOf(res), report)) throw new HttpError(404, "Không tìm thấy phản ánh này.");
    const index = Number(req.params.n) - 1;
    if (!Number.isInteger(index) || index < 0) throw new HttpError(404, "Không có bằng chứng này.");
    await sendEvidence(res, deps.services.evidence, code, index, report.evidence[index]);
  });
  return router;
}

const STATE: Record<string, string> = {
  pending: "đang tải về",
  refused_too_large: "không lưu: tệp quá lớn",
  refused_wrong_type: "không lưu: không phải ảnh, video hay PDF",
  failed: "không tải được (liên kết gốc có thể đã hết hạn)",
};

function stateOf(item: EvidenceItem): string | undefined {
  const media = item.media;
  if (!media || media.status === "kept") return undefined;
  return STATE[media.status === "refused" ? `refused_${media.reason ?? "wrong_type"}` : media.status];
}

/** The evidence block of a report page: the kept copy when there is one, its state otherwise, and the original link. */
export function evidenceView(report: Report): Html {
  const items = report.evidence.map((item, index) => ({ item, n: index + 1 })).filter(({ item }) => /^https?:\/\//i.test(item.url));
  const label = (item: EvidenceItem) => (item.kind === "link" ? "Liên kết" : item.kind === "video" ? "Video" : item.kind === "image" ? "Ảnh" : "Tệp");
  return html`<h2>Bằng chứng (${items.length})</h2>
    <div class="evidence">${items.map(({ item, n }) => {
      const kept = item.media?.status === "kept" ? `/admin/reports/${report.code}/evidence/${n}` : undefined;
      const state = stateOf(item);
      const original = html`<a class="small" href="${item.url}" target="_blank" rel="noopener noreferrer">liên kết gốc</a>`;
      if (kept && item.media?.mime?.startsWith("image/")) {
        return html`<figure><a href="${kept}" target="_blank"><img src="${kept}" alt="Ảnh bằng chứng ${n}${item.name ? `: ${item.name}` : ""}" loading="lazy"></a><figcaption class="small">Bản lưu · ${original}</figcaption></figure>`;
      }
      if (kept) return html`<p><a href="${kept}" target="_blank">${label(item)} ${n}${item.name ? `: ${item.name}` : ""}</a> <span class="muted small">(bản lưu)</span> · ${original}</p>`;
      return html`<p>${label(item)} ${n}${item.name ? `: ${item.name}` : ""}${state ? html` <span class="badge warn">${state}</span>` : ""} · <a href="${item.url}" target="_blank" rel="noopener noreferrer">${item.kind === "link" ? item.url : "liên kết gốc"}</a></p>`;
    })}</div>
    ${items.length === 0 ? html`<p class="muted">Không có.</p>` : ""}`;
}
