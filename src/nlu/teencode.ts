/**
 * Vietnamese chat abbreviations ("teencode") and their expansions.
 *
 * Keys are exact lower-case tokens, looked up after repeated letters are squeezed. A folded key is never used
 * for an accented token, so "hồng" (in "núi Hồng Vân") is not mistaken for "hông" (= không).
 *
 * @example expandToken(["dk","lop"], 0) // "đăng ký"
 */

// ===  Dictionary  ===

/** Unambiguous Vietnamese abbreviations: token → expansion (may be several syllables). */
export const VI_ABBREVIATIONS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    // không
    ko: "không", k: "không", kh: "không", khg: "không", kg: "không", hok: "không", hk: "không",
    hông: "không", khum: "không", hem: "không", hăm: "không", kô: "không", hổng: "không",
    kbh: "không bao giờ", hơm: "không", khôg: "không", kog: "không", hôk: "không",
    // được, đăng ký
    dc: "được", đc: "được", dx: "được", đx: "được", dk: "đăng ký", đk: "đăng ký", dki: "đăng ký", đki: "đăng ký",
    kí: "ký", ki: "ký", dangky: "đăng ký",
    // question words
    j: "gì", ntn: "như thế nào", bnhiu: "bao nhiêu", nhiu: "nhiêu", nhìu: "nhiều", bh: "bao giờ",
    bjo: "bây giờ", bgio: "bao giờ", bg: "bao giờ", z: "vậy", v: "vậy", zậy: "vậy", dzậy: "vậy", zay: "vậy",
    // people
    ad: "admin", add: "admin", adm: "admin", e: "em", c: "chị", cj: "chị", chj: "chị", mk: "mình", mik: "mình",
    mh: "mình", m: "mình", t: "tôi", b: "bạn", mn: "mọi người", mng: "mọi người", ng: "người", ngta: "người ta",
    cb: "cán bộ", nv: "nhân viên", tui: "tôi",
    // verbs and others
    ms: "mới", ns: "nói", nt: "nhắn tin", ntin: "nhắn tin", ib: "nhắn tin", rep: "trả lời", lm: "làm",
    bik: "biết", bít: "biết", pít: "biết", mún: "muốn", hc: "học", hoc: "học", dj: "đi", ik: "đi",
    hiu: "hiểu", hỉu: "hiểu", iu: "yêu", thik: "thích", zui: "vui", cx: "cũng", cg: "cũng", cũg: "cũng", hoy: "thôi",
    trl: "trả lời", tl: "trả lời", ny: "người yêu", ae: "anh em", ace: "anh chị em", gđ: "gia đình", bâyh: "bây giờ",
    pải: "phải", fải: "phải", lun: "luôn", r: "rồi", rùi: "rồi", roy: "rồi", oy: "rồi", ùi: "rồi",
    trc: "trước", vs: "với", wa: "quá", qá: "quá", ui: "ôi", xl: "xin lỗi", tks: "cảm ơn", thks: "cảm ơn",
    thx: "cảm ơn", camon: "cảm ơn", cámơn: "cảm ơn", cmon: "cảm ơn", kamon: "cảm ơn",
    // things
    sdt: "số điện thoại", sđt: "số điện thoại", dt: "điện thoại", đt: "điện thoại", dchi: "địa chỉ", đchi: "địa chỉ",
    vp: "văn phòng", ubnd: "ủy ban nhân dân", ttin: "thông tin", tt: "thông tin", lh: "liên hệ",
    pa: "phản ánh", qh: "quan họ", vh: "văn hóa", vhxh: "văn hóa xã hội", kq: "kết quả", fb: "facebook", zl: "zalo", clb: "câu lạc bộ", // names-a-channel: words people type ("zl" → "zalo"), not a channel
    // time
    hnay: "hôm nay", hnai: "hôm nay", hqua: "hôm qua", hum: "hôm", bữa: "hôm", h: "giờ", cn: "chủ nhật",
    t2: "thứ hai", t3: "thứ ba", t4: "thứ tư", t5: "thứ năm", t6: "thứ sáu", t7: "thứ bảy", mùg: "mùng", mug: "mung",
    // chat particles
    ak: "à", ah: "à", uk: "ừ", uh: "ừ", um: "ừm", uhm: "ừm", ừa: "ừ", vâg: "vâng", dzạ: "dạ", zạ: "dạ",
    helu: "hello", hellu: "hello", helo: "hello", oki: "ok", okie: "ok", oke: "ok", okela: "ok", okê: "ok",
  }),
);

/** English chat shorthand (only these are expanded in an English message). */
export const EN_ABBREVIATIONS: ReadonlyMap<string, string> = new Map(
  Object.entries({ u: "you", ur: "your", pls: "please", plz: "please", thx: "thanks", tks: "thanks", ty: "thank you", r: "are", ok: "ok", okay: "ok" }),
);

// "bn" means "bạn" or "bao nhiêu"; these words around it tip it towards a quantity.
// (Also what the plans count: "làm bn sản phẩm", "dc bn sp", "bn lớp", "bn %". Not "can": "bn cần" is "bạn cần".)
const QUANTITY_NEXT = new Set(["tiền", "tien", "tuổi", "tuoi", "người", "nguoi", "ngày", "ngay", "giờ", "gio", "lâu", "lau", "buổi", "buoi", "năm", "nam", "tháng", "thang", "km", "cái", "cai", "suất", "suat", "chỗ", "k", "nghìn", "đồng", "dong",
  "%", "phần", "sản", "san", "sp", "lớp", "lop", "di", "hoạt", "sự", "chuyên", "chuyen", "nhiệm", "nhiem", "nước", "nuoc", "lần", "lan", "tỷ", "ty", "triệu", "trieu", "đơn", "cán", "nghệ", "đoàn"]);
const QUANTITY_PREV = new Set(["là", "la", "hết", "het", "giá", "gia", "phí", "phi", "mất", "mat", "số", "so", "khoảng", "khoang", "được", "dc", "đc", "có", "co", "mấy", "tốn", "ton", "học"]);
const PLAN_NEXT = new Set(["này", "nay", "của", "cua", "số", "so", "phường", "phuong", "tỉnh", "tinh", "huyện", "huyen", "ngoại", "ngoai", "hội", "hoi", "văn", "van", "đó", "do", "ấy", "ay"]);
const PLAN_PREV = new Set(["theo", "trong", "bản", "ban", "các", "cac", "cái", "cai"]);
const PARTICLES = new Set(["vậy", "v", "z", "thế", "the", "ạ", "a", "ah", "à", "nhỉ", "nhi", "nhé", "nhe", "ad", "ạh", "đấy", "day"]);
const THANK_OR_GREET = new Set(["ơn", "on", "chào", "chao", "hi", "với", "voi", "ơi", "oi", "của", "cua", "cho"]);

// ===  Expansion  ===

/**
 * Expand the token at `index` of an already squeezed, lower-cased Vietnamese token list.
 * Returns the expansion, or the token itself when it is not an abbreviation.
 *
 * @example expandToken(["hoc","phi","bn"], 2) // "bao nhiêu"
 * @example expandToken(["bn","oi"], 0)         // "bạn"
 */
export function expandToken(tokens: readonly string[], index: number): string {
  const token = tokens[index];
  if (token === "bn") return isQuantityBn(tokens, index) ? "bao nhiêu" : "bạn";
  // A lone "a" at the end is the particle "ạ" ("cảm ơn a"), elsewhere it is "anh" ("a ơi", "a cho e hỏi").
  if (token === "a") return index === tokens.length - 1 ? "ạ" : "anh";
  // "kh này", "kh của phường", "kh 220", "theo kh": the plan (kế hoạch); elsewhere "kh" is "không".
  if (token === "kh" && (PLAN_NEXT.has(tokens[index + 1] ?? "") || /^\d+$/.test(tokens[index + 1] ?? "") || PLAN_PREV.has(tokens[index - 1] ?? ""))) return "kế hoạch";
  return VI_ABBREVIATIONS.get(token) ?? token;
}

/** Expand one token of an English message (only chat shorthand such as "u", "pls", "thx"). */
export function expandEnglishToken(token: string): string {
  return EN_ABBREVIATIONS.get(token) ?? token;
}

/** Whether this "bn" reads as "bao nhiêu": before a counted noun, or last (before particles) after a price-like word. */
function isQuantityBn(tokens: readonly string[], index: number): boolean {
  const next = tokens[index + 1];
  if (next !== undefined && QUANTITY_NEXT.has(next)) return true;
  const prev = tokens[index - 1];
  if (prev !== undefined && THANK_OR_GREET.has(prev)) return false;
  let rest = index + 1;
  while (rest < tokens.length && PARTICLES.has(tokens[rest])) rest++;
  const atEnd = rest === tokens.length;
  return atEnd && index > 0 && (prev === undefined || QUANTITY_PREV.has(prev) || index >= 2);
}
