import type { Services } from "../../shared/services.js";
import type { Reply } from "../../core/message.js";
import type { EvidenceItem, Report } from "../../domain/report.js";
import { evidenceMedia, isDownloadable, type MediaRecord } from "../../media/media-record.js";
import { updateDocument } from "../../store/update-document.js";
import { REPORTS } from "./report-service.js";

/**
 * A report's evidence, kept: when a report is filed its photos, videos and files are downloaded in the background
 * (src/media), and the outcome is written on the report (`evidence[i].media`). A file refused (too large, not a
 * photo, video or PDF) is told to the reporter; the report itself is filed and answered first, never held up.
 */

/** The evidence list with a media id on each file to download (ids made before the report is written). */
export function withMediaIds(services: Pick<Services, "evidence">, evidence: readonly EvidenceItem[]): EvidenceItem[] {
  return evidence.map((item) => {
    if (item.media || !isDownloadable(item.kind)) return item;
    // Uploaded to the bot (web chat): kept already, under its own id.
    return { ...item, media: item.keptMediaId ? { id: item.keptMediaId, status: "kept" } : { id: services.evidence.newId(), status: "pending" } };
  });
}

/**
 * Starts downloading a filed report's files (from `from` on: what a later "bổ sung" added); returns at once (failures
 * are logged, the report is already safe).
 */
export function keepEvidence(services: Pick<Services, "evidence" | "logger">, report: Report, from = 0): void {
  report.evidence.forEach((item, index) => {
    if (index < from) return;
    if (item.keptMediaId && item.media?.id === item.keptMediaId) {
      void services.evidence.attach(item.keptMediaId, report.code, index).catch((error) => services.logger.error({ err: error, report: report.code }, "evidence: could not link an upload"));
      return;
    }
    if (!item.media || item.media.status !== "pending") return;
    void services.evidence
      .keep({ id: item.media.id, url: item.url, kind: item.kind, name: item.name, ownerKey: report.reporter.key, reportCode: report.code, evidenceIndex: index })
      .catch((error) => services.logger.error({ err: error, report: report.code }, "evidence: could not record a download"));
  });
}

/** What the reporter is told when a file was refused. */
export function refusedNotice(report: Report, record: MediaRecord, maxBytes: number): Reply {
  const limit = maxBytes >= 1024 * 1024 ? `${Math.round(maxBytes / 1024 / 1024)} MB` : `${Math.round(maxBytes / 1024)} KB`;
  const vi = record.reason === "too_large" ? `tệp lớn hơn ${limit}` : "mình chỉ nhận ảnh (JPG, PNG, GIF, WebP), video MP4 hoặc tệp PDF";
  const en = record.reason === "too_large" ? `the file is larger than ${limit}` : "I can only keep photos (JPG, PNG, GIF, WebP), MP4 videos or PDF files";
  return {
    text:
      report.language === "en"
        ? `About report ${report.code}: I could not keep one of the files you sent (${en}). Your report is received as usual; if the file matters, send a smaller photo or write “talk to staff”.`
        : `Về phản ánh ${report.code}: mình không lưu được một tệp bạn gửi (${vi}). Phản ánh của bạn vẫn được tiếp nhận bình thường; nếu tệp đó quan trọng, bạn gửi ảnh nhỏ hơn hoặc nhắn “gặp cán bộ”.`,
  };
}

/**
 * Writes each settled download on its report, and tells the reporter of a refused file (not a failed one: that
 * is the platform's link expiring, nothing the person can fix; staff see it marked on the report).
 */
export function watchKeptEvidence(services: Services): void {
  services.evidence.onSettled(async (record) => {
    if (!record.reportCode || record.evidenceIndex === undefined) return;
    const index = record.evidenceIndex;
    const report = await updateDocument(
      services.store.collection<Report>(REPORTS),
      record.reportCode,
      (stored) => {
        const item = stored?.evidence[index];
        if (!stored || !item || item.media?.id !== record.id) return undefined;
        const evidence = stored.evidence.map((entry, at) => (at === index ? { ...entry, media: evidenceMedia(record) } : entry));
        return { ...stored, evidence };
      },
      { durable: true },
    );
    if (record.status === "refused" && report && !report.anonymisedAt) {
      await services.outbox.send(report.reporter, refusedNotice(report, record, services.config.MEDIA_MAX_BYTES), "update");
    }
  });
}
