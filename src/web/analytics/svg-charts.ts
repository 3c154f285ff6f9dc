/**
 * Charts drawn on the server as SVG (no charting library, no script): a stacked column chart for series over days
 * and a horizontal bar chart for counts. Labels are escaped; each chart has a title for screen readers, and the
 * pages show the same figures in a table.
 *
 * @example stackedColumns({ title: "Tin nhắn mỗi ngày", labels: days, series: [{ name: "Zalo", color: "#0068ff", values }] })
 */
import { escapeHtml, raw, type Html } from "../views/html.js";

/** One series of a column chart. */
export interface Series {
  name: string;
  color: string;
  values: number[];
}

/** A "nice" axis maximum (1, 2, 5 × 10^n) at or above `max`. */
export function niceMax(max: number): number {
  if (max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}

/** Columns per label, series stacked; x labels thinned so they never overlap. */
export function stackedColumns(options: { title: string; labels: string[]; series: Series[]; width?: number; height?: number }): Html {
  const { labels, series } = options;
  const width = options.width ?? 720;
  const height = options.height ?? 260;
  const pad = { left: 40, right: 10, top: 30, bottom: 46 };
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const totals = labels.map((_, i) => series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  const max = niceMax(Math.max(0, ...totals));
  const slot = plotW / Math.max(1, labels.length);
  const barW = Math.max(1, slot * 0.75);
  const y = (v: number) => pad.top + plotH - (v / max) * plotH;
  const parts: string[] = [];
  for (const tick of [0, max / 2, max]) {
    parts.push(`<line x1="${pad.left}" x2="${width - pad.right}" y1="${y(tick)}" y2="${y(tick)}" stroke="#d8dde5"/>`);
    parts.push(`<text x="${pad.left - 6}" y="${y(tick) + 4}" text-anchor="end" font-size="11" fill="#5b6575">${Number.isInteger(tick) ? tick : tick.toFixed(1)}</text>`);
  }
  labels.forEach((label, i) => {
    let base = 0;
    const x = pad.left + i * slot + (slot - barW) / 2;
    for (const s of series) {
      const v = s.values[i] ?? 0;
      if (v > 0) {
        parts.push(`<rect x="${x.toFixed(1)}" y="${y(base + v).toFixed(1)}" width="${barW.toFixed(1)}" height="${(y(base) - y(base + v)).toFixed(1)}" fill="${s.color}"><title>${escapeHtml(`${label} · ${s.name}: ${v}`)}</title></rect>`);
        base += v;
      }
    }
  });
  const every = Math.max(1, Math.ceil(labels.length / Math.floor(plotW / 48)));
  labels.forEach((label, i) => {
    if (i % every === 0) parts.push(`<text x="${(pad.left + i * slot + slot / 2).toFixed(1)}" y="${height - pad.bottom + 16}" text-anchor="middle" font-size="11" fill="#5b6575">${escapeHtml(label)}</text>`);
  });
  let lx = pad.left;
  for (const s of series) {
    parts.push(`<rect x="${lx}" y="8" width="12" height="12" fill="${s.color}"/><text x="${lx + 16}" y="18" font-size="12" fill="#1c2430">${escapeHtml(s.name)}</text>`);
    lx += 24 + s.name.length * 7.5;
  }
  return raw(
    `<svg class="chart" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(options.title)}" xmlns="http://www.w3.org/2000/svg"><title>${escapeHtml(options.title)}</title>${parts.join("")}</svg>`,
  );
}

/** Horizontal bars, one per row, with the count at the end. */
export function horizontalBars(options: { title: string; rows: { label: string; value: number }[]; color?: string; width?: number }): Html {
  const width = options.width ?? 720;
  const rowH = 26;
  const labelW = Math.min(260, width * 0.4);
  const height = Math.max(1, options.rows.length) * rowH + 10;
  const max = niceMax(Math.max(0, ...options.rows.map((r) => r.value)));
  const plotW = width - labelW - 50;
  const parts = options.rows.map((row, i) => {
    const y = 5 + i * rowH;
    const w = (row.value / max) * plotW;
    const label = row.label.length > 38 ? `${row.label.slice(0, 37)}…` : row.label;
    return `<text x="${labelW - 8}" y="${y + 17}" text-anchor="end" font-size="12" fill="#1c2430">${escapeHtml(label)}</text>` +
      `<rect x="${labelW}" y="${y + 4}" width="${Math.max(w, row.value > 0 ? 2 : 0).toFixed(1)}" height="${rowH - 8}" fill="${options.color ?? "#0b5cad"}"><title>${escapeHtml(`${row.label}: ${row.value}`)}</title></rect>` +
      `<text x="${(labelW + w + 6).toFixed(1)}" y="${y + 17}" font-size="12" fill="#1c2430">${row.value}</text>`;
  });
  return raw(
    `<svg class="chart" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(options.title)}" xmlns="http://www.w3.org/2000/svg"><title>${escapeHtml(options.title)}</title>${parts.join("")}</svg>`,
  );
}
