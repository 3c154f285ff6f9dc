/**
 * How the console writes dates, numbers and masked phone numbers (Vietnamese conventions, Asia/Ho_Chi_Minh).
 *
 * @example formatDateTime(1764040000000) // "25/11/2025 10:06"
 */
import { maskPhones } from "../../logger.js";

const dateTime = new Intl.DateTimeFormat("vi-VN", {
  timeZone: "Asia/Ho_Chi_Minh",
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
});

/** dd/mm/yyyy hh:mm in Vietnam. */
export function formatDateTime(epochMs: number | undefined): string {
  if (!epochMs) return "";
  const parts = Object.fromEntries(dateTime.formatToParts(new Date(epochMs)).map((p) => [p.type, p.value]));
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}`;
}

/** YYYY-MM-DD → dd/mm/yyyy. */
export function formatIsoDate(iso: string | undefined): string {
  if (!iso) return "";
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}

/** 12345 → "12.345". */
export function formatNumber(value: number): string {
  return new Intl.NumberFormat("vi-VN").format(value);
}

/** A duration in minutes/hours/days, e.g. "2 giờ 5 phút". */
export function formatDuration(ms: number): string {
  const minutes = Math.round(ms / 60000);
  if (minutes < 60) return `${minutes} phút`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} giờ${minutes % 60 ? ` ${minutes % 60} phút` : ""}`;
  return `${Math.round(hours / 24)} ngày`;
}

/** A phone number for lists and exports: "0912345678" → "09******78" (the report detail shows it whole to its staff). */
export function maskPhone(phone: string): string {
  return maskPhones(phone);
}
