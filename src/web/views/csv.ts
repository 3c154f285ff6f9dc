/**
 * CSV for spreadsheets: UTF-8 with a byte-order mark (Excel then reads Vietnamese correctly), CRLF lines, quoted
 * cells, and cells starting with = + - @ prefixed with ' so a reporter's text cannot become a formula.
 *
 * @example sendCsv(res, "phan-anh.csv", [["Mã", "Trạng thái"], ["PA-2026-0001", "Đã tiếp nhận"]]);
 */
import type { Response } from "express";

/** One cell, quoted when needed and defused against formula injection. */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? "" : String(value);
  if (typeof value !== "number" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows to CSV text (with the BOM). */
export function toCsv(rows: unknown[][]): string {
  return "\uFEFF" + rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

/** Sends rows as a CSV download. */
export function sendCsv(res: Response, filename: string, rows: unknown[][]): void {
  res.setHeader("Content-Type", "text/csv; charset=utf-8");
  res.setHeader("Content-Disposition", `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, "_")}"`);
  res.send(toCsv(rows));
}
