import { describe, expect, it } from "vitest";
import type { MessageEvent } from "../../src/analytics/message-event.js";
import type { Handoff } from "../../src/domain/handoff.js";
import { answeredShare, contentGaps, firstReplyTimes, intents, messagesPerDay, misunderstood, reportMatrix } from "../../src/web/analytics/analytics-queries.js";
import { horizontalBars, niceMax, stackedColumns } from "../../src/web/analytics/svg-charts.js";
import { applyForm } from "../../src/web/admin/content/content-form.js";
import { FIELDS } from "../../src/web/admin/content/content-fields.js";
import { issueText } from "../../src/web/admin/content/issue-text.js";
import { hashPassword, verifyPassword } from "../../src/web/auth/password.js";
import { csvCell, toCsv } from "../../src/web/views/csv.js";
import { html, raw } from "../../src/web/views/html.js";
import { yearlyPeriod } from "../../src/web/yearly/yearly-figures.js";
import { sampleReport } from "./web-test-kit.js";

const event = (over: Partial<MessageEvent>): MessageEvent => ({ id: Math.random().toString(36), at: 1, day: "2026-11-20", channel: "zalo", packId: "vo-cuong", kind: "text", answered: true, ...over });

describe("analytics queries", () => {
  it("counts messages per day per channel, with empty days kept", () => {
    const rows = messagesPerDay([event({}), event({ channel: "web" }), event({ day: "2026-11-22" })], ["2026-11-20", "2026-11-21", "2026-11-22"]);
    expect(rows).toEqual([
      { day: "2026-11-20", counts: { zalo: 1, web: 1 } },
      { day: "2026-11-21", counts: {} },
      { day: "2026-11-22", counts: { zalo: 1 } },
    ]);
  });

  it("separates content gaps (out of scope) from misunderstood messages, grouping spellings", () => {
    const events = [
      event({ answered: false, intent: "out_of_scope", text: "Giá vé máy bay?", at: 5 }),
      event({ answered: false, intent: "out_of_scope", text: "gia ve may bay", at: 9 }),
      event({ answered: false, intent: "festival_dates", text: "asdf qwer", at: 3 }),
      event({ answered: true, intent: "festival_dates" }),
    ];
    expect(contentGaps(events)).toEqual([{ text: "gia ve may bay", count: 2, lastAt: 9 }]);
    expect(misunderstood(events).map((m) => m.text)).toEqual(["asdf qwer"]);
    expect(answeredShare(events)).toEqual({ answered: 1, total: 4 });
    expect(intents(events)[0]).toEqual({ key: "festival_dates", count: 2 });
  });

  it("reports by category × status and the time to the first staff action", () => {
    const a = sampleReport("PA-2026-0001", { createdAt: 0, history: [{ at: 0, status: "received", by: "bot" }, { at: 3_600_000, status: "in_progress", by: "lan" }] });
    const b = sampleReport("PA-2026-0002", { createdAt: 0, status: "resolved", categoryId: "festival-disorder" });
    const c = sampleReport("PA-2026-0003", { createdAt: 0, status: "resolved" });
    expect(reportMatrix([a, b, c])).toEqual([
      { categoryId: "relic-harm", byStatus: { received: 1, resolved: 1 }, total: 2 },
      { categoryId: "festival-disorder", byStatus: { resolved: 1 }, total: 1 },
    ]);
    const handoff = (openedAt: number, firstStaffReplyAt?: number) => ({ openedAt, firstStaffReplyAt }) as Handoff;
    const times = firstReplyTimes([handoff(0, 60_000), handoff(0, 180_000), handoff(0)], [a, b]);
    expect(times.handoffs).toEqual({ count: 3, replied: 2, medianMs: 120_000, averageMs: 120_000 });
    expect(times.reports).toMatchObject({ count: 2, handled: 1, medianMs: 3_600_000 });
  });

  it("yearly periods run from the day after last year's deadline to this year's (calendar year without one)", () => {
    expect(yearlyPeriod("vo-cuong", 2026)).toMatchObject({ from: "2025-10-16", to: "2026-10-15" });
    expect(yearlyPeriod("tan-an", 2026)).toMatchObject({ from: "2025-10-26", to: "2026-10-25" });
    expect(yearlyPeriod("kon-ray", 2026)).toEqual({ from: "2026-01-01", to: "2026-12-31" });
  });
});

describe("charts and output", () => {
  it("draws stacked columns and bars as SVG with escaped labels", () => {
    expect(niceMax(7)).toBe(10);
    expect(niceMax(13)).toBe(20);
    const svg = stackedColumns({ title: "Tin <nhắn>", labels: ["20/11", "21/11"], series: [{ name: "Zalo", color: "#00f", values: [3, 1] }, { name: "Web", color: "#0f0", values: [1, 0] }] }).value;
    expect(svg).toContain("<svg");
    expect(svg).toContain("Tin &lt;nhắn&gt;");
    expect(svg.match(/<rect[^>]*><title>/g)).toHaveLength(3); // zero values draw nothing
    expect(horizontalBars({ title: "t", rows: [{ label: "<b>", value: 2 }] }).value).toContain("&lt;b&gt;");
  });

  it("escapes text in pages unless it is markup built by the tag", () => {
    expect(html`<p>${"<script>alert(1)</script>"}</p>`.value).toBe("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>");
    expect(html`<p>${raw("<b>ok</b>")}${["a", "&"]}</p>`.value).toBe("<p><b>ok</b>a&amp;</p>");
  });

  it("CSV cells are quoted and cannot become formulas", () => {
    expect(csvCell("=HYPERLINK(\"x\")")).toBe("\"'=HYPERLINK(\"\"x\"\")\"");
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell(-5)).toBe("-5");
    expect(toCsv([["Mã"], ["PA-1"]])).toBe("\uFEFFMã\r\nPA-1\r\n");
  });

  it("passwords are salted scrypt hashes", async () => {
    const one = await hashPassword("mật khẩu dài");
    expect(one).not.toBe(await hashPassword("mật khẩu dài"));
    expect(await verifyPassword("mật khẩu dài", one)).toBe(true);
    expect(await verifyPassword("mật khẩu khác", one)).toBe(false);
    expect(await verifyPassword("x", "md5$abc")).toBe(false);
  });
});

describe("content forms", () => {
  it("apply only the form's fields, keeping the rest of the item", () => {
    const base = { id: "hoi-x", names: { vi: "Hội X" }, date: { calendar: "lunar", month: 1, day: 4, every: { years: 3, from: 2026 } }, source: "Nguồn thử" };
    const form = { "f.names.vi": "Hội X mới", "f.names.en": "", "f.aliases": "hoi x, , le hoi x", "f.date.calendar": "lunar", "f.date.day": "6", "f.date.month": "1", "f.date.days": "", "f.place.vi": "Làng X", "f.description.vi": "Mô tả", "f.source": "Nguồn thử" };
    const { item, errors } = applyForm(FIELDS.festivals, base, form);
    expect(errors).toEqual([]);
    expect(item).toMatchObject({ names: { vi: "Hội X mới" }, aliases: ["hoi x", "le hoi x"], date: { calendar: "lunar", month: 1, day: 6, every: { years: 3, from: 2026 } }, place: { vi: "Làng X" } });
    expect((item.date as Record<string, unknown>).days).toBeUndefined();
    expect(base.date.day).toBe(4); // the stored item is not changed in place
  });

  it("report missing and malformed inputs in Vietnamese, and translate schema messages", () => {
    const { errors } = applyForm(FIELDS.festivals, {}, { "f.date.day": "ngày 5", "f.date.calendar": "lunar" });
    expect(errors.map((e) => e.label)).toEqual(expect.arrayContaining(["Tên lễ hội", "Ngày bắt đầu", "Tháng", "Nguồn"]));
    expect(issueText("Number must be ≤ 30 (a lunar month has 29 or 30 days)")).toBe("Phải nhỏ hơn hoặc bằng 30.");
    const contact = applyForm(FIELDS.contacts, { id: "x", phone: "0222 111 222" }, { "f.phone": "" });
    expect(contact.item.phone).toBeNull(); // an emptied phone is "chưa cập nhật", not an empty string
  });
});
