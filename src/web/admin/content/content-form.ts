/**
 * Turning a content item into form inputs and a submitted form back into the item. Only the fields of the form
 * change; everything else in the item (fields the form does not show) is kept.
 *
 * @example
 * const { item, errors } = applyForm(FIELDS.festivals, existing, req.body);
 * if (errors.length === 0) writePackFile(dir, "vo-cuong", "festivals", [...others, item]);
 */
import { html, type Html } from "../../views/html.js";
import type { FieldSpec } from "./content-fields.js";

/** A problem with one input, in Vietnamese. */
export interface FieldError {
  path: string;
  label: string;
  message: string;
}

type Item = Record<string, unknown>;

/** The value at a dotted path. */
export function getPath(item: Item, path: string): unknown {
  return path.split(".").reduce<unknown>((value, key) => (value && typeof value === "object" ? (value as Item)[key] : undefined), item);
}

function setPath(item: Item, path: string, value: unknown): void {
  const keys = path.split(".");
  let target = item;
  for (const key of keys.slice(0, -1)) {
    if (!target[key] || typeof target[key] !== "object") target[key] = {};
    target = target[key] as Item;
  }
  const last = keys.at(-1)!;
  if (value === undefined) delete target[last];
  else target[last] = value;
}

const field = (path: string, suffix = "") => `f.${path}${suffix}`;

/**
 * Applies a submitted form to a copy of `base` (the item as the file has it, or {} for a new one).
 * Returns the new item and the problems found in the inputs themselves (the schema checks the rest on save).
 */
export function applyForm(fields: FieldSpec[], base: Item, form: Record<string, unknown>): { item: Item; errors: FieldError[] } {
  const item = structuredClone(base);
  const errors: FieldError[] = [];
  const str = (name: string) => (typeof form[name] === "string" ? (form[name] as string).trim() : "");
  const fail = (spec: FieldSpec, message: string) => errors.push({ path: spec.path, label: spec.label, message });
  for (const spec of fields) {
    const value = str(field(spec.path));
    switch (spec.kind) {
      case "text":
      case "textarea": {
        const text = readText(spec.path, str, (lang) => form[field(spec.path, `.reviewed.${lang}`)] === "1");
        if (!text.vi && spec.required) fail(spec, "Cần nhập nội dung tiếng Việt.");
        if (!text.vi && (text.en || text.zh || text.ko)) fail(spec, "Có bản dịch thì cần có cả tiếng Việt.");
        setPath(item, spec.path, text.vi ? text : undefined);
        break;
      }
      case "aliases": {
        const list = [...new Set(value.split(",").map((s) => s.trim()).filter(Boolean))];
        setPath(item, spec.path, list.length ? list : undefined);
        break;
      }
      case "int": {
        if (!value) {
          if (spec.required) fail(spec, "Cần nhập một số.");
          setPath(item, spec.path, undefined);
        } else if (!/^-?\d+$/.test(value)) fail(spec, "Phải là số nguyên.");
        else setPath(item, spec.path, Number(value));
        break;
      }
      case "enum": {
        if (!spec.options!.some((o) => o.value === value)) fail(spec, "Chọn một giá trị trong danh sách.");
        else setPath(item, spec.path, value);
        break;
      }
      case "bool":
        setPath(item, spec.path, form[field(spec.path)] === "1" ? true : undefined);
        break;
      case "tristate":
        setPath(item, spec.path, value === "yes" ? true : value === "no" ? false : undefined);
        break;
      case "nullable":
        setPath(item, spec.path, value || null);
        break;
      case "date":
        if (value && !/^\d{4}-\d{2}-\d{2}$/.test(value)) fail(spec, "Ngày viết dạng YYYY-MM-DD.");
        setPath(item, spec.path, value || undefined);
        break;
      case "location": {
        const read = readLocation(str(field(spec.path, ".point")), str(field(spec.path, ".source")), form[field(spec.path, ".approximate")] === "1");
        if (typeof read === "string") fail(spec, read);
        else setPath(item, spec.path, read ?? undefined);
        break;
      }
      default:
        if (!value && spec.required) fail(spec, "Không được để trống.");
        setPath(item, spec.path, value || undefined);
    }
  }
  return { item, errors };
}

/**
 * The location inputs as content: "21.0383, 106.0797" (or separated by a space) with its source; both empty means no
 * location; a problem as Vietnamese text. The schema checks the rest on save (inside Vietnam, a source not a guess).
 */
function readLocation(point: string, source: string, approximate: boolean): { lat: number; lng: number; source: string; approximate?: true } | null | string {
  if (!point && !source) return null;
  if (!point) return "Cần nhập tọa độ (vĩ độ, kinh độ), hoặc để trống cả nguồn.";
  const parts = point.split(/\s*[,;]\s*|\s+/);
  if (parts.length !== 2 || !parts.every((part) => /^-?\d{1,3}(\.\d+)?$/.test(part))) return "Viết vĩ độ, kinh độ bằng số thập phân có dấu chấm, ví dụ “21.0383, 106.0797”.";
  if (!source) return "Cần ghi nguồn của tọa độ (bản đồ, hồ sơ di tích, khảo sát tại chỗ): không ghi tọa độ ước đoán.";
  const [lat, lng] = parts.map(Number);
  return { lat, lng, source, ...(approximate ? { approximate: true as const } : {}) };
}

/** The "lat, lng" shown in the input for a stored location. */
function pointText(value: unknown): string {
  const point = value as { lat?: unknown; lng?: unknown } | undefined;
  return typeof point?.lat === "number" && typeof point.lng === "number" ? `${point.lat}, ${point.lng}` : "";
}

type TextValue = { vi: string; en?: string; zh?: string; ko?: string; reviewed?: { zh?: boolean; ko?: boolean } };

/**
 * A text field's inputs as content text: empty translations are left out, and `reviewed` is kept for the
 * Chinese and Korean texts that are there (ticked or not), so an unticked one shows as "chưa duyệt".
 */
function readText(path: string, str: (name: string) => string, ticked: (lang: "zh" | "ko") => boolean): TextValue {
  const text: TextValue = { vi: str(field(path, ".vi")) };
  for (const lang of ["en", "zh", "ko"] as const) {
    const value = str(field(path, `.${lang}`));
    if (value) text[lang] = value;
  }
  const reviewed: { zh?: boolean; ko?: boolean } = {};
  for (const lang of ["zh", "ko"] as const) if (text[lang]) reviewed[lang] = ticked(lang);
  if (Object.keys(reviewed).length) text.reviewed = reviewed;
  return text;
}

const TRANSLATION_INPUTS = [
  { lang: "en", label: "Tiếng Anh (không bắt buộc)" },
  { lang: "zh", label: "Tiếng Trung giản thể (không bắt buộc)" },
  { lang: "ko", label: "Tiếng Hàn (không bắt buộc)" },
] as const;

/** The inputs of a form for `item`, with the errors of a failed save next to their fields. */
export function formInputs(fields: FieldSpec[], item: Item, errors: { path: string; message: string }[] = []): Html[] {
  return fields.map((spec) => {
    const value = getPath(item, spec.path);
    const id = `f-${spec.path.replace(/\./g, "-")}`;
    const own = errors.filter((e) => e.path === spec.path || e.path.startsWith(`${spec.path}.`));
    const error = own.length ? html`<p class="flash error small" id="${id}-err">${own.map((e) => e.message).join(" ")}</p>` : "";
    const req = spec.required ? html` <span class="muted small">(bắt buộc)</span>` : "";
    const hint = spec.hint ? html`<span class="muted small">${spec.hint}</span>` : "";
    const described = own.length ? html` aria-invalid="true" aria-describedby="${id}-err"` : "";
    switch (spec.kind) {
      case "text":
      case "textarea": {
        const text = (value ?? {}) as Partial<TextValue>;
        const input = (lang: "vi" | "en" | "zh" | "ko", label: string) =>
          spec.kind === "textarea"
            ? html`<label for="${id}-${lang}">${label}</label><textarea id="${id}-${lang}" name="${field(spec.path, `.${lang}`)}" rows="4" lang="${lang}"${described}>${text[lang] ?? ""}</textarea>`
            : html`<label for="${id}-${lang}">${label}</label><input type="text" id="${id}-${lang}" name="${field(spec.path, `.${lang}`)}" value="${text[lang] ?? ""}" lang="${lang}"${described}>`;
        // Chinese and Korean carry a "reviewed" tick: machine or volunteer translations stay marked until staff check them.
        const reviewBox = (lang: "zh" | "ko") => {
          if (!text[lang]) return "";
          const checked = text.reviewed?.[lang] === true;
          return html`<label class="inline small"><input type="checkbox" id="${id}-reviewed-${lang}" name="${field(spec.path, `.reviewed.${lang}`)}" value="1"${checked ? html` checked` : ""}> Đã duyệt bản dịch</label>
            ${checked ? "" : html` <span class="badge" data-testid="unreviewed">chưa duyệt</span>`}`;
        };
        return html`<fieldset><legend>${spec.label}${req}</legend>${hint}
          <div class="two"><div>${input("vi", "Tiếng Việt")}</div>${TRANSLATION_INPUTS.map(
            ({ lang, label }) => html`<div>${input(lang, label)}${lang === "en" ? "" : reviewBox(lang)}</div>`,
          )}</div>${error}</fieldset>`;
      }
      case "enum":
        return html`<div><label for="${id}">${spec.label}${req}</label><select id="${id}" name="${field(spec.path)}"${described}>
          ${spec.options!.map((o) => html`<option value="${o.value}"${o.value === value ? html` selected` : ""}>${o.label}</option>`)}
        </select>${hint}${error}</div>`;
      case "location": {
        const stored = (value ?? {}) as { source?: string; approximate?: boolean };
        return html`<fieldset><legend>${spec.label}</legend>${hint}
          <div class="two"><div><label for="${id}-point">Vĩ độ, kinh độ</label><input type="text" id="${id}-point" name="${field(spec.path, ".point")}" value="${pointText(value)}" inputmode="decimal" placeholder="21.0383, 106.0797"${described}></div>
          <div><label for="${id}-source">Nguồn của tọa độ</label><input type="text" id="${id}-source" name="${field(spec.path, ".source")}" value="${stored.source ?? ""}"${described}></div></div>
          <label class="inline small"><input type="checkbox" id="${id}-approximate" name="${field(spec.path, ".approximate")}" value="1"${stored.approximate === true ? html` checked` : ""}> Nguồn chỉ cho vị trí gần đúng (sai số khoảng 1 km)</label>${error}</fieldset>`;
      }
      case "bool":
        return html`<div><label class="inline"><input type="checkbox" id="${id}" name="${field(spec.path)}" value="1"${value === true ? html` checked` : ""}> ${spec.label}</label>${error}</div>`;
      case "tristate": {
        const current = value === true ? "yes" : value === false ? "no" : "";
        const opts = [
          { value: "", label: "Chưa rõ" },
          { value: "yes", label: "Có" },
          { value: "no", label: "Không" },
        ];
        return html`<div><label for="${id}">${spec.label}</label><select id="${id}" name="${field(spec.path)}">
          ${opts.map((o) => html`<option value="${o.value}"${o.value === current ? html` selected` : ""}>${o.label}</option>`)}</select>${error}</div>`;
      }
      default: {
        const type = spec.kind === "int" ? "number" : spec.kind === "url" ? "url" : spec.kind === "date" ? "date" : "text";
        const shown = spec.kind === "aliases" ? ((value as string[] | undefined) ?? []).join(", ") : value === null || value === undefined ? "" : String(value);
        const extra = spec.kind === "int" ? html` inputmode="numeric" step="1"` : "";
        return html`<div><label for="${id}">${spec.label}${req}</label><input type="${type}" id="${id}" name="${field(spec.path)}" value="${shown}"${extra}${described}>${hint}${error}</div>`;
      }
    }
  });
}
