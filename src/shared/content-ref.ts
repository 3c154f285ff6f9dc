import type { ContentPack } from "../content/index.js";

/**
 * The `ref` of an m.me link or a QR code (docs/starting-points.md): `heritage:<id>` or `festival:<id>` names one
 * content item of the page's pack, the same string as the choice that opens its card. Anything else is not an
 * item: the person gets the welcome.
 *
 * @example contentRef("heritage:chua-dau") // { kind: "heritage", id: "chua-dau" }
 */
export function contentRef(ref: string | undefined): { kind: "heritage" | "festival"; id: string } | undefined {
  const match = /^(heritage|festival):([a-z0-9][a-z0-9-]*)$/i.exec(ref?.trim() ?? "");
  return match ? { kind: match[1].toLowerCase() as "heritage" | "festival", id: match[2].toLowerCase() } : undefined;
}

/** True when `ref` names an item the pack holds. */
export function refersToContent(pack: ContentPack, ref: string | undefined): boolean {
  const named = contentRef(ref);
  if (!named) return false;
  return named.kind === "heritage" ? pack.heritageItem(named.id) !== undefined : pack.festival(named.id) !== undefined;
}

/** The ref of an item, for its link: `https://m.me/<page>?ref=<ref>`. */
export function refOf(kind: "heritage" | "festival", id: string): string {
  return `${kind}:${id}`;
}
