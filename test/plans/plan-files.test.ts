/**
 * The plan files in content/<pack>/plans: what scripts/extract-plan-sections.ts reads from the seed texts, checked
 * against the seeds (the plan's own words, nothing edited by hand) and for the model's parts (header, parts,
 * sections with units, the appendix table).
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { SEEDS, extractPlan, planYaml } from "../../scripts/extract-plan-sections.js";
import { planFileSchema, type PlanFile } from "../../src/content/schema/plan.js";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const seedsDir = resolve(repo, "seeds");
const PACKS = ["vo-cuong", "tan-an", "bac-giang", "kon-ray", "bac-ninh"] as const;

function planFile(pack: string): PlanFile {
  const dir = join(repo, "content", pack, "plans");
  const [file] = readdirSync(dir).filter((f) => f.endsWith(".yaml"));
  return planFileSchema.parse(parse(readFileSync(join(dir, file), "utf8")));
}
const plans = Object.fromEntries(PACKS.map((p) => [p, planFile(p)])) as Record<(typeof PACKS)[number], PlanFile>;
const seedText = (prefix: string) => {
  const file = readdirSync(seedsDir).find((f) => f.startsWith(`${prefix}_`))!;
  return { file, text: readFileSync(join(seedsDir, file), "utf8") };
};

describe("plan files", () => {
  it("are exactly what scripts/extract-plan-sections.ts generates from the seeds (no silent hand edits)", () => {
    for (const cfg of SEEDS) {
      const { file, text } = seedText(cfg.prefix);
      const onDisk = readFileSync(join(repo, "content", cfg.pack, "plans", `${cfg.planId}.yaml`), "utf8");
      expect(onDisk, cfg.pack).toBe(planYaml(extractPlan(text, file, cfg)));
    }
  });

  it("hold the plan's own words: every passage and appendix cell occurs in the seed text", () => {
    const squash = (s: string) => s.replace(/<\/?b>|\*+|^#+/gm, "").replace(/\s+/g, " ");
    for (const cfg of SEEDS) {
      const seed = squash(seedText(cfg.prefix).text.normalize("NFC"));
      const plan = plans[cfg.pack as (typeof PACKS)[number]];
      for (const s of plan.sections) {
        // Titles: part titles are turned from capitals to sentence case; CC, KL and unnumbered splits are named by the script.
        const named = s.id === "CC" || s.id === "KL" || s.id.includes("(");
        if (!named) expect(seed.toLowerCase().includes(squash(s.title).toLowerCase()), `${cfg.pack} ${s.id} title`).toBe(true);
        for (const line of s.text.split("\n")) expect(seed.includes(squash(line)), `${cfg.pack} ${s.id}: ${line.slice(0, 60)}`).toBe(true);
      }
      // Appendix cells broke over pages: each cell's words occur in order in the seed, page breaks aside.
      const seedWords = seed.replace(/\t|TT Nội dung nhiệm vụ Cơ quan chủ trì Cơ quan phối hợp Thời gian Kết quả, sản phẩm/g, " ");
      for (const row of plan.appendix?.rows ?? []) {
        for (const word of `${row.task} ${row.lead} ${row.time}`.split(" ")) expect(seedWords.includes(word), `${row.no}: ${word}`).toBe(true);
      }
    }
  });

  it("read the header: title, number, date, signer and the documents it implements, never a cited document's date", () => {
    const head = (pack: (typeof PACKS)[number]) => {
      const { number, date, signer } = plans[pack].plan;
      return { number, date, signer };
    };
    expect(head("bac-ninh")).toEqual({ number: "220/KH-UBND", date: "2022-04-05", signer: "Vương Quốc Tuấn" });
    expect(head("tan-an")).toEqual({ number: undefined, date: "2026-05", signer: "Trần Văn Quỳnh" });
    expect(head("vo-cuong")).toEqual({ number: undefined, date: "2026", signer: "Trần Thu Hà" });
    expect(head("bac-giang")).toEqual({ number: undefined, date: "2022-08", signer: "Mai Sơn" });
    // Seed 003's header reads "Kon Rẫy, ngày tháng năm": no date, although its preamble cites 30/11/2021.
    expect(head("kon-ray")).toEqual({ number: undefined, date: undefined, signer: "Đinh Thị Hồng Thu" });
    expect(plans["tan-an"].plan.implements).toContain("Kế hoạch số 142/KH-UBND ngày 30/4/2026");
    expect(plans["bac-ninh"].plan.implements).toEqual(["Quyết định số 2013/QĐ-TTg, ngày 30/11/2021"]);
    for (const pack of PACKS) expect(plans[pack].plan.source).not.toMatch(/seed|\.txt/);
  });

  it("keep whole sections under their parts, numbered as the plan numbers them (no split pieces)", () => {
    for (const pack of PACKS) {
      const { parts, sections } = plans[pack];
      expect(new Set(sections.map((s) => s.id)).size).toBe(sections.length);
      for (const s of sections) {
        expect(s.id).toMatch(/^(CC|KL|[IVX]+(\.\d+)?)$/);
        if (s.part) expect(parts.map((p) => p.id)).toContain(s.part);
      }
    }
    expect(plans["vo-cuong"].parts.map((p) => p.title)).toContain("Tổ chức thực hiện");
  });

  it("name the unit of every section that assigns work to one", () => {
    const unit = (pack: (typeof PACKS)[number], id: string) => plans[pack].sections.find((s) => s.id === id)?.unit;
    expect(unit("vo-cuong", "V.3")).toBe("Công an phường");
    expect(unit("vo-cuong", "V.5")).toBe("Phòng Tài chính");
    expect(unit("vo-cuong", "V.8")).toBeUndefined(); // "Chế độ báo cáo" is not a unit
    expect(unit("tan-an", "VI.1")).toBe("Phòng Văn Hóa - Xã hội phường");
    expect(unit("kon-ray", "V.3")).toBe("Phòng Văn hóa và Thông tin");
    // Seed 002's task sections name their unit in a "Cơ quan chủ trì" line.
    expect(unit("bac-giang", "II.1")).toBe("Sở Ngoại vụ");
    // Titles starting with "Sở" or "Hội" (a \\b after "ở" or "ộ" never matched).
    expect(unit("bac-giang", "IV.1")).toBe("Sở Ngoại vụ");
    expect(unit("bac-giang", "IV.7")).toBe("Sở Tài chính");
    expect(unit("vo-cuong", "III.1")).toBeUndefined();
  });

  it("read seed 001's appendix as table rows: task, lead, coordinating units, time, product", () => {
    const rows = plans["tan-an"].appendix!.rows;
    expect(rows.map((r) => r.no)).toEqual(Array.from({ length: 11 }, (_, i) => i + 1));
    const festival = rows[4];
    expect(festival.title).toBe('Tổ chức và tham gia Festival "Về miền Quan họ"');
    expect(festival.time).toBe("2026; định kỳ 3 năm/lần");
    // The row broke across a page; the continuation is joined back into the same cells.
    expect(festival.coordinating).toBe("Sở VH TTDL, UBMTTQ, Đoàn Thanh niên, Hội Phụ nữ, các TDP");
    expect(rows[9].lead).toBe("Công an phường");
    expect(rows[10].time).toBe("Trước 25/10 hằng năm; sơ kết 2028; tổng kết 2030");
  });

  it("note that seed 004 stops after III.3", () => {
    const { plan, sections } = plans["bac-ninh"];
    expect(plan.truncatedAfter).toBe("III.3");
    expect(sections.at(-1)?.id).toBe("III.3");
  });
});
