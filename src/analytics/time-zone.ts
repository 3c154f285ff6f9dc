const formatter = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh", year: "numeric", month: "2-digit", day: "2-digit" });

/** The Asia/Ho_Chi_Minh calendar day of an instant, YYYY-MM-DD. */
export function formatInTimeZone(epochMs: number): string {
  return formatter.format(new Date(epochMs));
}
