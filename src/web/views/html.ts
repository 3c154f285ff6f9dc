/**
 * A tiny HTML template tag: interpolated values are escaped unless wrapped in `raw()` or produced by `html`
 * itself, so a reporter's text can never inject markup into a staff page.
 *
 * @example
 * const row = html`<td>${report.description}</td>`;          // escaped
 * const page = html`<table>${rows}</table>`;                   // arrays of Html are joined
 */

/** Markup that is already safe (built by `html` or `raw`). */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** What may be interpolated: text (escaped), numbers, Html, lists of these, or nothing. */
export type HtmlValue = string | number | boolean | null | undefined | Html | HtmlValue[];

/** Escapes the five characters that matter in text and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return "";
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(render).join("");
  return escapeHtml(String(value));
}

/** The template tag. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0];
  values.forEach((value, i) => {
    out += render(value) + strings[i + 1];
  });
  return new Html(out);
}

/** Trusted markup (e.g. an SVG chart built from numbers). Never pass user text here. */
export function raw(markup: string): Html {
  return new Html(markup);
}
