import { describe, expect, it } from "vitest";
import { contentRef, refersToContent, refOf } from "../../src/shared/content-ref.js";
import { referralLinks } from "../../scripts/referral-links.js";
import { sharedKnowledge } from "../helpers/test-server.js";

describe("the ?ref= of m.me links", () => {
  const pack = sharedKnowledge().content.pack("vo-cuong");

  it("reads heritage:<id> and festival:<id>, nothing else", () => {
    expect(contentRef("heritage:chua-dau")).toEqual({ kind: "heritage", id: "chua-dau" });
    expect(contentRef(" Festival:Hoi-Lim ")).toEqual({ kind: "festival", id: "hoi-lim" });
    expect(contentRef("contact:ubnd")).toBeUndefined();
    expect(contentRef("heritage:")).toBeUndefined();
    expect(contentRef("poster-2026")).toBeUndefined();
    expect(contentRef(undefined)).toBeUndefined();
  });

  it("knows which refs name an item of the pack (inherited ones too)", () => {
    expect(refersToContent(pack, "festival:hoi-lim")).toBe(true);
    expect(refersToContent(pack, "heritage:lang-quan-ho-xuan-o")).toBe(true);
    expect(refersToContent(pack, "heritage:khong-co")).toBe(false);
    expect(refersToContent(pack, "festival:lang-quan-ho-xuan-o")).toBe(false);
  });

  it("npm run links gives one link per item, each with a ref the bot reads back", () => {
    const links = referralLinks(pack, "phongvanhoa");
    expect(links).toHaveLength(pack.heritage.length + pack.festivals.length);
    for (const { url } of links) {
      const ref = new URL(url).searchParams.get("ref");
      expect(url.startsWith("https://m.me/phongvanhoa?ref=")).toBe(true);
      expect(refersToContent(pack, ref ?? undefined), url).toBe(true);
    }
    expect(refOf("heritage", "chua-dau")).toBe("heritage:chua-dau");
  });
});
