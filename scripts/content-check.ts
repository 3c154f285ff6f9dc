/**
 * `npm run content:check [dir]`: validate every content pack and print how many items each pack has (own +
 * inherited). Exits 1 with every problem, each naming the file and the field, when something is wrong.
 *
 * @example
 * $ npm run content:check
 * pack       lễ hội  di sản  lớp  liên hệ  phản ánh  kế hoạch (mục)  tọa độ
 * vo-cuong        9       9    2       16         7          1 (22)       0
 */
import { ContentError, formatIssue, fsSource, readContent, type ContentPack } from "../src/content/index.js";
import { loadPrivacyTexts, privacyFile } from "../src/privacy/privacy-content.js";

// ===  Summary  ===

const columns = [
  ["pack", (p: ContentPack) => p.id],
  ["lễ hội", (p: ContentPack) => p.festivals.length],
  ["di sản", (p: ContentPack) => p.heritage.length],
  ["lớp", (p: ContentPack) => p.classes.length],
  ["liên hệ", (p: ContentPack) => p.contacts.length],
  ["phản ánh", (p: ContentPack) => p.reportCategories.length],
  ["kế hoạch (mục)", (p: ContentPack) => `${p.plans.length} (${p.plans.reduce((n, plan) => n + plan.sections.length, 0)})`],
  // Items a shared location can find ("gần tôi"): only those with sourced coordinates.
  ["tọa độ", (p: ContentPack) => [...p.heritage, ...p.festivals].filter((item) => item.location).length],
] as const;

/** A plain-text table: first column left-aligned, the rest right-aligned. */
function table(packs: ContentPack[]): string {
  const rows = [columns.map(([title]) => title as string), ...packs.map((p) => columns.map(([, cell]) => String(cell(p))))];
  const widths = columns.map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  ")).join("\n");
}

// ===  Translations  ===

/** Text fields (own and inherited) a person can see without a Chinese or Korean translation, as "file id.field". */
function untranslated(p: ContentPack): string[] {
  const out: string[] = [];
  const visit = (value: unknown, where: string): void => {
    if (!value || typeof value !== "object" || Array.isArray(value)) return;
    const text = value as Record<string, unknown>;
    if (typeof text.vi === "string") {
      if (!text.zh || !text.ko) out.push(where);
      return;
    }
    for (const [key, inner] of Object.entries(text)) if (key !== "staffNote") visit(inner, `${where}.${key}`);
  };
  const lists = { festivals: p.festivals, heritage: p.heritage, classes: p.classes, contacts: p.contacts } as const;
  for (const [file, items] of Object.entries(lists)) for (const item of items) visit(item, `${file} ${item.id}`);
  return out;
}

// ===  Main  ===

const dir = process.argv[2] ?? "content";
try {
  const { packs, accounts } = readContent(dir);
  const list = [...packs.values()].sort((a, b) => a.id.localeCompare(b.id));
  console.log(table(list));
  for (const p of list) if (p.extends) console.log(`${p.id} kế thừa ${p.lineage.slice(1).join(" → ")}`);
  const open = list.flatMap((p) => p.classes.filter((c) => c.status === "open").map((c) => `${p.id}/${c.id}`));
  console.log(`Lớp đang mở đăng ký: ${open.join(", ") || "không có"}`);
  // Privacy texts (docs/privacy.md): every pack must have them, its own or inherited.
  const privacy = list.map((p) => `${p.id}: ${privacyFile(dir, p.lineage.find((id) => fsSource.read(privacyFile(dir, id)) !== undefined) ?? p.id)} (${loadPrivacyTexts(dir, p.lineage).page.sections.length} mục)`);
  console.log(`Chính sách dữ liệu cá nhân: ${privacy.join("; ")}`);
  console.log(`Tài khoản OA/trang gắn với gói: ${accounts.length}`);
  // Shown in English (else Vietnamese) to Chinese and Korean readers until translated (docs/content-format.md).
  for (const p of list) {
    const missing = untranslated(p);
    console.log(`Chưa dịch tiếng Trung/Hàn (${p.id}): ${missing.length ? missing.join(", ") : "không có"}`);
  }
  console.log(`Nội dung hợp lệ: ${list.length} gói trong ${dir}/`);
} catch (error) {
  if (!(error instanceof ContentError)) throw error;
  console.error(`Nội dung không hợp lệ (${error.issues.length} lỗi):`);
  for (const issue of error.issues) console.error(`  ${formatIssue(issue)}`);
  process.exit(1);
}
