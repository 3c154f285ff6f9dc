import { choicePayload } from "../../shared/choice-payload.js";

/**
 * The choices a reporter gets after filing (outside any dialog, so not under the dialog's "report:" prefix, which an
 * open report dialog would take as its own): the rating buttons sent with "Đã xử lý".
 *
 * @example RATE.of(`${code}:5`) // "rate:PA-2026-0007:5"; readRate(RATE.read(payload)) // { code, score: 5 }
 */
export const RATE = choicePayload("rate");

/** The code and score of a rating choice's value, or undefined. */
export function readRate(value: string | undefined): { code: string; score: 1 | 2 | 3 | 4 | 5 } | undefined {
  const match = value ? /^(PA-\d{4}-\d{4,}):([1-5])$/.exec(value) : null;
  return match ? { code: match[1], score: Number(match[2]) as 1 | 2 | 3 | 4 | 5 } : undefined;
}
