/**
 * The form fields of each content kind the console edits: which YAML field each input writes, its label in
 * Vietnamese and how its text becomes a value. Fields a form does not show (e.g. a festival's `every` rule or a
 * UNESCO listing) are kept as they are in the file when the form is saved.
 *
 * @example FIELDS.festivals.find((f) => f.path === "date.month") // { kind: "int", label: "Tháng", … }
 */
import type { WritablePackFile } from "../../../content/index.js";

/** How an input is shown and read back. */
export type FieldKind =
  | "text" // bilingual { vi, en }: two inputs
  | "textarea" // bilingual, long
  | "string" // one line
  | "url"
  | "email"
  | "date" // YYYY-MM-DD
  | "int"
  | "aliases" // comma-separated list
  | "enum"
  | "bool" // checkbox: true or left out
  | "tristate" // yes / no / not known
  | "nullable" // one line; empty means null ("chưa cập nhật"), for contact details
  | "location"; // coordinates "lat, lng" with their source and an "approximate" tick; all empty: no location

export interface FieldSpec {
  /** Dotted path in the item, e.g. "date.month". */
  path: string;
  label: string;
  kind: FieldKind;
  required?: boolean;
  options?: { value: string; label: string }[];
  hint?: string;
}

const text = (path: string, label: string, required = false, hint?: string): FieldSpec => ({ path, label, kind: "text", required, hint });
/** A required choice among `options` (value → label, in the order shown). */
const choice = (path: string, label: string, options: Record<string, string>): FieldSpec => ({
  path,
  label,
  kind: "enum",
  required: true,
  options: Object.entries(options).map(([value, label]) => ({ value, label })),
});
const long = (path: string, label: string, required = false, hint?: string): FieldSpec => ({ path, label, kind: "textarea", required, hint });
const aliases: FieldSpec = { path: "aliases", label: "Tên gọi khác (cách nhau bằng dấu phẩy)", kind: "aliases", hint: "Không cần dấu: “hoi lim, le hoi lim”" };
const source: FieldSpec = { path: "source", label: "Nguồn", kind: "string", required: true, hint: "Tên kế hoạch và mục (“Kế hoạch … phường Võ Cường 2026–2030, mục III.2”) hoặc nguồn công khai (“Cổng TTĐT tỉnh Bắc Ninh”)" };
const url: FieldSpec = { path: "url", label: "Liên kết (https://…)", kind: "url" };
const uncertain = long("uncertain", "Ghi chú chưa xác nhận", false, "Có ghi chú này, bot nói “theo thông tin tham khảo”");
const location: FieldSpec = {
  path: "location",
  label: "Tọa độ (để tìm nơi gần người dân khi họ gửi vị trí)",
  kind: "location",
  hint: "Chỉ ghi tọa độ đọc được từ một nguồn (bản đồ, hồ sơ di tích, khảo sát tại chỗ), không ước đoán. Để trống nếu chưa có.",
};

/** The fields of each writable file. */
export const FIELDS: Record<WritablePackFile, FieldSpec[]> = {
  festivals: [
    text("names", "Tên lễ hội", true),
    aliases,
    choice("date.calendar", "Lịch", { lunar: "Âm lịch", solar: "Dương lịch" }),
    { path: "date.day", label: "Ngày bắt đầu", kind: "int", required: true },
    { path: "date.month", label: "Tháng", kind: "int", required: true },
    { path: "date.days", label: "Số ngày", kind: "int", hint: "Để trống: 1 ngày" },
    { path: "date.mainDay", label: "Ngày chính hội", kind: "int" },
    { path: "date.leap", label: "Tháng nhuận (chỉ âm lịch)", kind: "bool" },
    text("place", "Địa điểm", true),
    long("description", "Giới thiệu", true),
    long("visitors", "Dành cho du khách"),
    uncertain,
    url,
    location,
    source,
  ],
  heritage: [
    text("names", "Tên", true),
    aliases,
    choice("kind", "Loại", { relic: "Di tích", intangible: "Di sản phi vật thể", craft_village: "Làng nghề", ocop: "Sản phẩm OCOP", documentary: "Di sản tư liệu", site: "Danh thắng, điểm du lịch" }),
    text("type", "Kiểu (đình, đền, chùa…)"),
    text("ranking", "Xếp hạng"),
    text("place", "Địa điểm"),
    long("description", "Giới thiệu", true),
    text("hours", "Giờ mở cửa"),
    url,
    uncertain,
    location,
    source,
  ],
  classes: [
    text("title", "Tên lớp", true),
    aliases,
    choice("kind", "Loại lớp", { quan_ho: "Quan họ", craft: "Nghề truyền thống" }),
    choice("status", "Trạng thái", { open: "Đang nhận đăng ký", full: "Đã đủ chỗ", not_scheduled: "Chưa có lịch" }),
    { path: "capacity", label: "Số chỗ", kind: "int", hint: "Bắt buộc khi lớp đang nhận đăng ký" },
    { path: "firstSession", label: "Buổi học đầu tiên", kind: "date", hint: "Người đăng ký được nhắc trước một ngày" },
    text("teacher", "Người dạy"),
    text("place", "Địa điểm"),
    text("schedule", "Lịch học"),
    text("fee", "Học phí"),
    { path: "audience.children", label: "Nhận trẻ em", kind: "tristate" },
    { path: "audience.adults", label: "Nhận người lớn", kind: "tristate" },
    { path: "audience.foreigners", label: "Nhận người nước ngoài", kind: "tristate" },
    text("audience.note", "Ghi chú đối tượng"),
    source,
  ],
  contacts: [
    text("names", "Tên đơn vị", true),
    aliases,
    long("role", "Nhiệm vụ theo kế hoạch", true),
    { path: "phone", label: "Điện thoại", kind: "nullable", hint: "Để trống nếu chưa rõ: bot nói “chưa cập nhật”" },
    { path: "email", label: "Email", kind: "nullable" },
    text("address", "Địa chỉ"),
    text("hours", "Giờ làm việc"),
    url,
    text("note", "Ghi chú"),
    source,
    { path: "contactSource", label: "Nguồn thông tin liên hệ", kind: "string", hint: "Bắt buộc khi có điện thoại, email hoặc địa chỉ" },
  ],
};

/** What each file is called on the console. */
export const KIND_NAMES: Record<WritablePackFile, { plural: string; one: string }> = {
  festivals: { plural: "Lễ hội", one: "lễ hội" },
  heritage: { plural: "Di sản", one: "di sản" },
  classes: { plural: "Lớp học", one: "lớp học" },
  contacts: { plural: "Liên hệ – đơn vị", one: "đơn vị" },
};

/** The file names the console writes. */
export const WRITABLE_FILES = Object.keys(FIELDS) as WritablePackFile[];

/** Whether a string names a writable file. */
export function isWritableFile(value: string): value is WritablePackFile {
  return (WRITABLE_FILES as string[]).includes(value);
}
