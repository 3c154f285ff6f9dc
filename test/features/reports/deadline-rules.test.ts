import { describe, expect, it } from "vitest";
import { loadConfig } from "../../../src/config.js";
import { REPORT_STATUSES } from "../../../src/domain/report.js";
import { deadlineOf, deadlineRules, deadlineState, dueSoonAt } from "../../../src/features/reports/deadline.js";
import { templatesFor } from "../../../src/features/reports/reply-templates.js";
import { sharedKnowledge, TEST_ENV } from "../../helpers/test-server.js";

/** Deadlines and priority from the content's category data and the configuration; reply templates per status. */

const vn = (date: string, time = "10:00") => Date.parse(`${date}T${time}:00+07:00`);
const pack = () => sharedKnowledge().content.packs.get("vo-cuong")!;
const rules = deadlineRules(loadConfig({ ...TEST_ENV }));

describe("deadlineOf", () => {
  it("takes the category's working days; “Khác” and unknown categories take REPORT_DEADLINE_DAYS", () => {
    const at = vn("2026-12-01"); // Tuesday
    expect(deadlineOf(pack(), "festival-disorder", "Chen lấn ở cổng hội", at, rules)).toEqual({ priority: "normal", dueAt: vn("2026-12-04", "17:00") });
    expect(deadlineOf(pack(), "other", "Việc khác", at, rules).dueAt).toBe(vn("2026-12-15", "17:00")); // 10 working days
    const custom = deadlineRules(loadConfig({ ...TEST_ENV, REPORT_DEADLINE_DAYS: "2", OFFICE_CLOSED_DAYS: "2026-12-02" }));
    expect(deadlineOf(pack(), "other", "Việc khác", at, custom).dueAt).toBe(vn("2026-12-04", "17:00"));
  });

  it("urgent words of the category, with or without diacritics, make it urgent; another category's words do not", () => {
    const at = vn("2026-12-01");
    expect(deadlineOf(pack(), "festival-disorder", "Hai nhóm dang danh nhau o cong den", at, rules)).toMatchObject({ priority: "urgent", dueAt: vn("2026-12-02", "17:00") });
    expect(deadlineOf(pack(), "against-fine-customs", "Hai nhóm đang đánh nhau", at, rules).priority).toBe("normal");
  });

  it("is due soon from office opening one working day before the due day, overdue after 17:00 of it; closed reports have no state", () => {
    const dueAt = vn("2026-12-07", "17:00"); // Monday
    expect(dueSoonAt(dueAt, rules)).toBe(vn("2026-12-04", "07:30")); // the Friday before
    expect(deadlineState({ status: "received", dueAt }, vn("2026-12-04", "07:00"), rules)).toBe("on_time");
    expect(deadlineState({ status: "in_progress", dueAt }, vn("2026-12-05"), rules)).toBe("due_soon");
    expect(deadlineState({ status: "reopened", dueAt }, vn("2026-12-07", "17:01"), rules)).toBe("overdue");
    expect(deadlineState({ status: "resolved", dueAt }, vn("2026-12-08"), rules)).toBeUndefined();
  });
});

describe("reply templates", () => {
  it("every status has at least one, with the code filled in", () => {
    for (const status of REPORT_STATUSES) {
      const templates = templatesFor(status, "PA-2026-0007");
      expect(templates.length, status).toBeGreaterThan(0);
      for (const t of templates) expect(t.text).not.toContain("{");
    }
    expect(templatesFor("resolved", "PA-2026-0007")[0].text).toContain("PA-2026-0007");
  });
});
