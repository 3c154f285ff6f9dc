/**
 * Split the seed culture plans (seeds/*.txt, a copy of the plans the product is built from) into
 * `content/<pack>/plans/<plan-id>.yaml`.
 *
 * The seeds are plan texts in loose markdown: headings are sometimes `## **II. MỤC TIÊU**`, sometimes plain
 * `II. MỤC TIÊU`; page breaks cut sentences in two; seed 001 ends with a tab-separated appendix table. This script
 * applies generic heuristics (see docs/plans.md) plus a small per-seed table of fixes (`SEEDS` below), so running it
 * again gives exactly the YAML in the repo. The section text is the plan's own words: only markdown markers and
 * whitespace are removed, and page-broken paragraphs are re-joined.
 *
 * @example
 *   npx tsx scripts/extract-plan-sections.ts                 # seeds/ → content/
 *   npx tsx scripts/extract-plan-sections.ts /path/to/seeds   # another seeds folder
 *   npx tsx scripts/extract-plan-sections.ts --check          # exit 1 if a YAML file differs from what would be generated
 */
import { readdirSync, readFileSync, writeFileSync, mkdirSync, existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { stringify } from "yaml";
import type { AppendixRow, PlanFile, PlanSection } from "../src/content/schema/plan.js";

// ===  Per-seed settings and fixes  ===

/** One seed's pack, plan id and the fixes the heuristics cannot infer. */
export interface SeedConfig {
  /** File-name prefix, e.g. "000". */
  prefix: string;
  pack: string;
  planId: string;
  issuer: string;
  period: string;
  /** Exact title when the generic "Kế hoạch + title block" is wrong (checked against the text, ignoring case). */
  title?: string;
  note?: string;
  /** Set when the seed text stops early: the last section it contains. */
  truncatedAfter?: string;
  /** Paragraphs starting with one of these continue the previous paragraph (a page break before an upper-case word). */
  joinBefore?: string[];
  /** Unnumbered paragraphs that start a section of their own. */
  splits?: { startsWith: string; id: string; title?: string }[];
}

export const SEEDS: SeedConfig[] = [
  {
    prefix: "000",
    pack: "vo-cuong",
    planId: "vo-cuong-hoi-nhap-2026-2030",
    issuer: "UBND phường Võ Cường",
    period: "2026–2030",
  },
  {
    prefix: "001",
    pack: "tan-an",
    planId: "tan-an-hoi-nhap-2026-2030",
    issuer: "UBND phường Tân An",
    period: "2026–2030",
    // The title block reads "Thực hiện Hội nhập quốc tế …"; the plan itself writes "thực hiện hội nhập quốc tế" in running text.
    title: "Kế hoạch thực hiện hội nhập quốc tế về văn hóa trên địa bàn phường Tân An giai đoạn 2026-2030",
    joinBefore: ["Chủ tịch UBND phường và Sở Văn hóa"],
    splits: [
      // The unnumbered reporting paragraph closes part VI; it is cited as "mục VI" under the part's own title.
      { startsWith: "Hằng năm (trước ngày 25/10), Phòng Văn hóa", id: "VI" },
      { startsWith: "Trong quá trình triển khai thực hiện, nếu có khó khăn", id: "KL", title: "Phản ánh khó khăn, vướng mắc" },
    ],
  },
  {
    prefix: "002",
    pack: "bac-giang",
    planId: "bac-giang-ngoai-giao-van-hoa-2030",
    issuer: "UBND tỉnh Bắc Giang",
    period: "2022–2030",
    note: "Tỉnh Bắc Giang nay đã hợp nhất vào tỉnh Bắc Ninh; kế hoạch giữ tên và phân công như khi ban hành (2022).",
  },
  {
    prefix: "003",
    pack: "kon-ray",
    planId: "kon-ray-ngoai-giao-van-hoa-2030",
    issuer: "UBND huyện Kon Rẫy",
    period: "đến năm 2030",
  },
  {
    prefix: "004",
    pack: "bac-ninh",
    planId: "bac-ninh-ngoai-giao-van-hoa-2030",
    issuer: "UBND tỉnh Bắc Ninh",
    period: "2022–2030",
    // The title block is all capitals; this is how the plan writes its own name in running text.
    title: "Kế hoạch thực hiện Chiến lược Ngoại giao văn hoá tỉnh Bắc Ninh đến năm 2030",
    truncatedAfter: "III.3",
    note:
      "Văn bản nguồn bị cắt sau mục III.3 (kết thúc bằng \"[...]\"): không có các nhiệm vụ còn lại, kinh phí và tổ chức thực hiện. " +
      "Văn bản nguồn đánh số từ mục I sang thẳng mục III (không có mục II).",
  },
];

// ===  Output types (docs/content-format.md, plans/<plan-id>.yaml)  ===

// The output follows the content schema the loader validates, so the script and the loader cannot drift apart.

// ===  Cleaning  ===

/** Markdown markers and HTML bold tags out, whitespace collapsed; the words stay as they are. */
function cleanLine(line: string): string {
  return line
    .replace(/^\s*#+\s*/, "")
    .replace(/<\/?b>/g, "")
    .replace(/\*+/g, "")
    .replace(/[\s\u00a0]+/g, " ")
    .trim();
}

function isBoldParagraph(raw: string): boolean {
  const t = raw.replace(/^\s*#+\s*/, "").trim();
  return t.startsWith("**") && t.endsWith("**");
}

const ROMAN = /^(I|II|III|IV|V|VI|VII|VIII|IX|X)\.\s+(.+)$/;
const NUMBERED = /^(\d+)\.\s+(.+)$/;

function hasLowercase(s: string): boolean {
  return s !== s.toUpperCase();
}

/** "MỤC ĐÍCH, YÊU CẦU" → "Mục đích, yêu cầu" (these part headings hold no proper names). */
function sentenceCase(s: string): string {
  const lower = s.toLocaleLowerCase("vi");
  return lower.charAt(0).toLocaleUpperCase("vi") + lower.slice(1);
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLocaleLowerCase("vi") + s.slice(1);
}

function normaliseYears(s: string): string {
  return s.replace(/(\d{4})\s*[–-]\s*(\d{4})/g, "$1-$2");
}

// ===  Paragraphs  ===

interface Paragraph {
  text: string;
  bold: boolean;
}

/** Raw text → cleaned paragraphs, with page-broken paragraphs joined back. */
function paragraphs(raw: string, joinBefore: string[]): Paragraph[] {
  const out: Paragraph[] = [];
  for (const block of raw.split(/\n[ \t\u00a0]*\n/)) {
    const text = block.split("\n").map(cleanLine).filter(Boolean).join(" ");
    if (!text) continue;
    const prev = out[out.length - 1];
    // A paragraph that starts in lower case is the rest of the previous one, cut by a page break.
    const continues = /^\p{Ll}/u.test(text) || joinBefore.some((p) => text.startsWith(p));
    if (prev && continues) {
      prev.text = `${prev.text} ${text}`;
      continue;
    }
    out.push({ text, bold: isBoldParagraph(block) });
  }
  return out;
}

// ===  Header: title, number, date  ===

function header(raw: string, paras: Paragraph[], cfg: SeedConfig) {
  const start = paras.findIndex((p) => /^KẾ HOẠCH\b/.test(p.text));
  if (start < 0) throw new Error(`seed ${cfg.prefix}: no "KẾ HOẠCH" heading`);
  const bodyStart = paras.findIndex((p, i) => i > start && /^(Thực hiện|Căn cứ) /.test(p.text));
  if (bodyStart < 0) throw new Error(`seed ${cfg.prefix}: no "Thực hiện …" preamble after the title`);
  const block = [paras[start].text.replace(/^KẾ HOẠCH\s*/, ""), ...paras.slice(start + 1, bodyStart).map((p) => p.text)]
    .filter(Boolean)
    .join(" ");
  const generic = normaliseYears(`Kế hoạch ${lowerFirst(block)}`);
  const title = cfg.title ?? generic;
  // An override must still be the plan's own words: compare without case, dashes and spacing.
  const squash = (s: string) => normaliseYears(s).toLocaleLowerCase("vi").replace(/\s+/g, " ");
  if (cfg.title && !squash(raw.replace(/\*+/g, "").replace(/\s+/g, " ")).includes(squash(cfg.title.replace(/^Kế hoạch /, "")))) {
    throw new Error(`seed ${cfg.prefix}: title override not found in the text: ${cfg.title}`);
  }
  // Number and date are read above the "KẾ HOẠCH" heading only: the body cites other documents' dates
  // ("Quyết định số 2013/QĐ-TTg ngày 30 tháng 11 năm 2021"), which must not be taken for this plan's.
  const top = raw.slice(0, Math.max(0, raw.search(/^\W*KẾ HOẠCH\W*$/m)));
  const number = top.match(/Số:\s*(\d+[^\s]*)/)?.[1];
  const d = top.match(/ngày\s+(\d{1,2})?\s*tháng\s+(\d{1,2})?\s*năm\s+(\d{4})/);
  let date: string | undefined;
  if (d) {
    const [, day, month, year] = d;
    date = year;
    if (month) date += `-${month.padStart(2, "0")}`;
    if (month && day) date += `-${day.padStart(2, "0")}`;
  }
  return { title, number, date, bodyStart };
}

// ===  Sections  ===

interface Draft {
  id: string;
  part?: string;
  title: string;
  items: string[];
}

/** Numbered paragraph → heading (id, title, inline text) or null when it is a numbered sentence of the body. */
function numberedHeading(p: Paragraph): { n: string; title: string; inline?: string } | null {
  const m = p.text.match(NUMBERED);
  if (!m) return null;
  const [, n, rest] = m;
  if (p.bold) return { n, title: rest.replace(/\.$/, "") };
  // "3. Phòng Văn hóa và Thông tin: Chủ trì, …": a heading with its text on the same line.
  const colon = rest.match(/^([^:.;]{3,160}):\s+(\S.*)$/);
  if (colon) return { n, title: colon[1], inline: colon[2] };
  // A short line without closing punctuation is a heading; "1. Kinh phí … giao." is a sentence.
  if (!/[.;:]$/.test(rest) && rest.length <= 300) return { n, title: rest };
  return null;
}

function sectionsFromBody(body: Paragraph[], cfg: SeedConfig): { drafts: Draft[]; parts: { id: string; title: string }[] } {
  const drafts: Draft[] = [{ id: "CC", title: "Căn cứ ban hành kế hoạch", items: [] }];
  const parts: { id: string; title: string }[] = [];
  let part = "";
  for (const p of body) {
    const split = cfg.splits?.find((s) => p.text.startsWith(s.startsWith));
    const roman = p.text.match(ROMAN);
    const numbered = numberedHeading(p);
    const phase = p.bold ? p.text.match(/^Giai đoạn (\d+)\b/) : null;
    if (split) {
      const partTitle = parts.find((x) => x.id === part)?.title ?? "";
      drafts.push({ id: split.id, part: split.id === "KL" ? undefined : part, title: split.title ?? partTitle, items: [p.text] });
    } else if (p.text.startsWith("Trên đây là")) {
      drafts.push({ id: "KL", title: "Kết luận của kế hoạch", items: [p.text] });
    } else if (roman && !hasLowercase(roman[2])) {
      part = roman[1];
      parts.push({ id: part, title: sentenceCase(roman[2]) });
      drafts.push({ id: part, part, title: sentenceCase(roman[2]), items: [] });
    } else if (phase && part) {
      drafts.push({ id: `${part}.${phase[1]}`, part, title: p.text, items: [] });
    } else if (numbered && part) {
      drafts.push({ id: `${part}.${numbered.n}`, part, title: numbered.title, items: numbered.inline ? [numbered.inline] : [] });
    } else {
      drafts[drafts.length - 1].items.push(p.text);
    }
  }
  return { drafts: drafts.filter((d) => d.items.length > 0), parts };
}

/** "- Cơ quan chủ trì: Sở Ngoại vụ" → lead; the same for partners. */
function responsibility(items: string[]): Pick<PlanSection, "lead" | "partners"> {
  const pick = (label: string) =>
    items
      .map((i) => i.match(new RegExp(`^- Cơ quan ${label}\\s*:\\s*(.+?)[.;]?$`))?.[1])
      .find((v): v is string => Boolean(v));
  const out: Pick<PlanSection, "lead" | "partners"> = {};
  const lead = pick("chủ trì");
  const partners = pick("phối hợp");
  if (lead) out.lead = lead;
  if (partners) out.partners = partners;
  return out;
}

// The part that hands out the work ("Tổ chức thực hiện", "Phân công trách nhiệm …"): its sections are named after units.
const ASSIGNMENT_PART = /tổ chức thực hiện|phân công/i;
// (Not \b: "Sở" and "Hội" end in a letter JavaScript's \b does not count as a word character.)
const UNIT_TITLE = /^(Đề nghị )?(Phòng|Văn phòng|Công an|Trung tâm|Ủy ban|UBND|Sở|Các|Ban|Hội|Đoàn|Tổ|Đài|Báo|Liên hiệp|Bộ chỉ huy)(?=\s)/u;

/** The unit a section assigns work to: its title in the assignment part, else its "Cơ quan chủ trì" line. */
function sectionUnit(d: Draft, parts: { id: string; title: string }[], lead: string | undefined): string | undefined {
  const partTitle = parts.find((p) => p.id === d.part)?.title ?? "";
  if (ASSIGNMENT_PART.test(partTitle) && d.id !== d.part && UNIT_TITLE.test(d.title)) {
    // "Phòng Văn Hóa - Xã hội phường (cơ quan thường trực)" → the unit's name; "Đề nghị Ủy ban MTTQ …" → "Ủy ban MTTQ …".
    return d.title.replace(/\s*\([^)]*\)\s*$/, "").replace(/^Đề nghị\s+/, "");
  }
  return lead;
}

// ===  Appendix table (seed 001)  ===

/** Tab-separated rows; a row with an empty first cell continues the previous task (the table broke across pages). */
function appendixRows(raw: string): { title: string; rows: AppendixRow[] } {
  const rows: string[][] = [];
  for (const line of raw.split("\n")) {
    if (!line.includes("\t")) continue;
    const cells = line.split("\t").map((c) => cleanLine(c));
    if (cells[0] === "TT") continue;
    if (/^\d+$/.test(cells[0])) rows.push(cells.slice(1));
    else if (cells[0] === "" && rows.length) {
      const prev = rows[rows.length - 1];
      cells.slice(1).forEach((c, i) => {
        if (c) prev[i] = prev[i] ? `${prev[i]} ${c}` : c;
      });
    }
  }
  const heading = cleanLine(raw.split("\n")[0]).replace(/^PHỤ LỤC:?\s*/, "");
  const boldTitles = [...raw.matchAll(/^(\d+)\t<b>(.+?)<\/b>/gm)].map((m) => cleanLine(m[2]).replace(/:$/, ""));
  return {
    title: sentenceCase(heading),
    rows: rows.map((cells, i) => {
      const [task, lead, coordinating, time, product] = cells.map((c) => c ?? "");
      return { no: i + 1, title: boldTitles[i] ?? task, task, lead, coordinating, time, product };
    }),
  };
}

// ===  Signature and the documents the plan implements  ===

/** The signer's name: the last line of the signature block ("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Trần Văn Quỳnh"). */
function signature(main: string): { signer?: string; signerTitle?: string } {
  const meta = main.match(/^Người ký\s+(.+)$/m)?.[1]?.trim();
  const block = main.match(/((?:TM\.[^\n]*\n)?KT\.\s*CHỦ TỊCH[\s*]*\n\s*PHÓ CHỦ TỊCH)[\s*]*\n+\s*\**([^\n*]+?)\**\s*(?:\n|$)/);
  const signer = block?.[2]?.trim() || meta;
  if (!signer) return {};
  return { signer, signerTitle: block ? "KT. Chủ tịch, Phó Chủ tịch" : undefined };
}

const DOCUMENT = /(Nghị quyết|Kế hoạch|Quyết định|Chỉ thị|Chương trình|Thông báo|Kết luận) số\s+[\p{L}\p{N}/-]*[\p{L}\p{N}](?:,?\s+ngày\s+(?:\d{1,2}\/\d{1,2}\/\d{4}|\d{1,2} tháng \d{1,2} năm \d{4}))?/gu;

/** The documents named in the preamble ("Thực hiện Nghị quyết số 153/NQ-CP ngày 31/5/2025 …"), each once. */
function implementsList(preamble: string): string[] {
  const seen = new Map<string, string>();
  for (const m of preamble.matchAll(DOCUMENT)) {
    const number = m[0].match(/số\s+([\p{L}\p{N}/-]+)/u)?.[1] ?? m[0];
    const prev = seen.get(number);
    if (!prev || m[0].length > prev.length) seen.set(number, m[0]);
  }
  return [...seen.values()];
}

// ===  One seed  ===

/** Seed text → the plan file (pure; exported for tests and for other callers). */
export function extractPlan(raw: string, fileName: string, cfg: SeedConfig): PlanFile {
  const text = raw.normalize("NFC").replace(/\r\n?/g, "\n");
  // The appendix (seed 001) comes after the signature; it is parsed as a table, not as paragraphs.
  const appendixAt = text.search(/^#*\s*PHỤ LỤC/m);
  const main = appendixAt >= 0 ? text.slice(0, appendixAt) : text;
  const paras = paragraphs(main, cfg.joinBefore ?? []);
  const head = header(main, paras, cfg);
  let end = paras.findIndex((p, i) => i > head.bodyStart && /^(Nơi nhận|\[\.\.\.\])/.test(p.text));
  if (end < 0) end = paras.length;
  const { drafts, parts } = sectionsFromBody(paras.slice(head.bodyStart, end), cfg);

  const sections: PlanSection[] = drafts.map((d) => {
    const resp = responsibility(d.items);
    const unit = sectionUnit(d, parts, resp.lead);
    return {
      id: d.id,
      ...(d.part ? { part: d.part } : {}),
      title: d.title,
      text: d.items.join("\n"),
      ...(unit ? { unit } : {}),
      ...resp,
    };
  });

  const ids = new Set<string>();
  for (const s of sections) {
    if (ids.has(s.id)) throw new Error(`seed ${cfg.prefix}: duplicate section id ${s.id}`);
    ids.add(s.id);
  }
  const preamble = sections.find((s) => s.id === "CC")?.text ?? "";
  const implementsDocs = implementsList(preamble);
  const sign = signature(main);

  // Key order is the order in docs/content-format.md; absent facts are left out, not written as empty.
  const plan: PlanFile["plan"] = {
    id: cfg.planId,
    title: { vi: head.title },
    issuer: cfg.issuer,
    ...(head.number ? { number: head.number } : {}),
    ...(head.date ? { date: head.date } : {}),
    period: cfg.period,
    ...(sign.signer ? { signer: sign.signer } : {}),
    ...(sign.signerTitle ? { signerTitle: sign.signerTitle } : {}),
    ...(implementsDocs.length ? { implements: implementsDocs } : {}),
    source: `Văn bản kế hoạch của ${cfg.issuer}`,
    seedFile: fileName,
    ...(cfg.note ? { note: cfg.note } : {}),
    ...(cfg.truncatedAfter ? { truncatedAfter: cfg.truncatedAfter } : {}),
  };
  const file: PlanFile = { plan, parts, sections };
  if (appendixAt >= 0) file.appendix = appendixRows(text.slice(appendixAt));
  return file;
}

/** The YAML exactly as written to disk (no line folding, so the text stays searchable with grep). */
export function planYaml(file: PlanFile): string {
  const banner =
    `# Generated by scripts/extract-plan-sections.ts from seeds/${file.plan.seedFile}.\n` +
    "# Text is the plan's own words; change the script or its SEEDS fixes rather than this file (see docs/plans.md).\n";
  return banner + stringify(file, { lineWidth: 0 });
}

// ===  CLI  ===

function main(argv: string[]): number {
  const repo = resolve(dirname(fileURLToPath(import.meta.url)), "..");
  const check = argv.includes("--check");
  const seedsDir = argv.find((a) => !a.startsWith("--")) ?? resolve(repo, "seeds");
  const files = readdirSync(seedsDir).filter((f) => /^\d{3}_.*\.txt$/.test(f));
  let differs = 0;
  for (const cfg of SEEDS) {
    const fileName = files.find((f) => f.startsWith(`${cfg.prefix}_`));
    if (!fileName) {
      console.error(`missing seed ${cfg.prefix}_*.txt in ${seedsDir}`);
      return 1;
    }
    const file = extractPlan(readFileSync(join(seedsDir, fileName), "utf8"), fileName, cfg);
    const out = join(repo, "content", cfg.pack, "plans", `${cfg.planId}.yaml`);
    const yaml = planYaml(file);
    if (check) {
      const same = existsSync(out) && readFileSync(out, "utf8") === yaml;
      if (!same) differs++;
      console.log(`${same ? "same   " : "DIFFERS"} ${out}`);
      continue;
    }
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, yaml);
    const passages = file.sections.reduce((n, s) => n + s.text.split("\n").length, 0);
    console.log(`${out}: ${file.sections.length} sections, ${passages} passages, ${file.appendix?.rows.length ?? 0} appendix rows`);
  }
  return differs ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
