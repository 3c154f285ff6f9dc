import { addDays, parseIsoDate, toIsoDate } from "../calendar/index.js";
import { fold } from "../nlu/index.js";

/**
 * When something happened, as a person says it: "hôm qua", "tối nay", "sáng nay", "hôm kia", "tuần trước",
 * "3 ngày trước", "20/11", "20/11/2025", "ngày 20 tháng 11" → an ISO date relative to `today`
 * (Asia/Ho_Chi_Minh). Reports are about the past, so a day and month later than today mean last year.
 *
 * @example parseWhen("tối qua khoảng 9 giờ", "2026-11-25") // "2026-11-24"
 * @example parseWhen("20/11", "2026-11-25")               // "2026-11-20"
 */
export function parseWhen(text: string, today: string): string | undefined {
  const f = ` ${fold(text).replace(/[^\p{L}\p{N}/.\-]+/gu, " ")} `;
  const numeric = /(?:^|\s)(\d{1,2})[/.\-](\d{1,2})(?:[/.\-](\d{2,4}))?(?=\s)/.exec(f) ?? /\sngay (\d{1,2}) thang (\d{1,2})(?: nam (\d{4}))?\s/.exec(f);
  if (numeric) return dayMonth(Number(numeric[1]), Number(numeric[2]), numeric[3], today);
  const ago = /\s(\d{1,2}) (?:ngay|hom|days?) (?:truoc|ago)\s/.exec(f);
  if (ago) return addDays(today, -Number(ago[1]));
  if (/\s(hom kia|day before yesterday)\s/.test(f)) return addDays(today, -2);
  if (/\s(hom qua|toi qua|dem qua|sang qua|trua qua|chieu qua|yesterday|last night)\s/.test(f)) return addDays(today, -1);
  if (/\s(tuan truoc|tuan roi|last week)\s/.test(f)) return addDays(today, -7);
  if (/\s(hom nay|sang nay|trua nay|chieu nay|toi nay|dem nay|bay gio|vua xong|vua roi|luc nay|ban nay|today|this morning|this afternoon|tonight|this evening|just now|now)\s/.test(f)) return today;
  return undefined;
}

function dayMonth(day: number, month: number, yearText: string | undefined, today: string): string | undefined {
  const now = parseIsoDate(today);
  let year = yearText ? Number(yearText.length === 2 ? `20${yearText}` : yearText) : now.year;
  const candidate = () => toIsoDate({ year, month, day });
  try {
    let iso = candidate();
    parseIsoDate(iso);
    if (!yearText && iso > today) {
      year -= 1;
      iso = candidate();
      parseIsoDate(iso);
    }
    return iso;
  } catch {
    return undefined;
  }
}
