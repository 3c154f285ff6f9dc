/**
 * `npm run links -- <page-username> [pack]`: prints the m.me link of every heritage item and festival of a pack
 * (default CONTENT_PACK, or vo-cuong), for QR codes at a relic or on a festival poster. A person who scans one opens
 * the page's Messenger chat at that item's card (docs/starting-points.md). Print a code with any QR tool, e.g.
 * Debian's qrencode: `qrencode -s 8 -o chua-dau.png "https://m.me/<page>?ref=heritage:chua-dau"`.
 *
 * @example
 * $ npm run links -- phongvanhoavocuong vo-cuong
 * heritage  Văn Miếu Bắc Ninh   https://m.me/phongvanhoavocuong?ref=heritage:van-mieu-bac-ninh
 */
import { loadContent, type ContentPack } from "../src/content/index.js";
import { refOf } from "../src/shared/content-ref.js";

/** Every item's link on the page `page` (its username or id). */
export function referralLinks(pack: ContentPack, page: string): { kind: "heritage" | "festival"; name: string; url: string }[] {
  const link = (kind: "heritage" | "festival", id: string) => `https://m.me/${encodeURIComponent(page)}?ref=${encodeURIComponent(refOf(kind, id)).replace(/%3A/g, ":")}`;
  return [
    ...pack.heritage.map((item) => ({ kind: "heritage" as const, name: item.names.vi, url: link("heritage", item.id) })),
    ...pack.festivals.map((festival) => ({ kind: "festival" as const, name: festival.names.vi, url: link("festival", festival.id) })),
  ];
}

function main(): void {
  const [page, packId = process.env.CONTENT_PACK ?? "vo-cuong"] = process.argv.slice(2);
  if (!page) {
    console.error("Usage: npm run links -- <page-username-or-id> [pack]");
    process.exit(1);
  }
  const pack = loadContent("content").pack(packId);
  for (const { kind, name, url } of referralLinks(pack, page)) console.log(`${kind.padEnd(9)} ${name}\t${url}`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
