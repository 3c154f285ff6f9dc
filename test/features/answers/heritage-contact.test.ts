import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { answer, answerChoice, answerContact, answerHeritage, contactCard, contactList, heritageCard } from "../../../src/features/answers/index.js";
import type { Reply } from "../../../src/core/message.js";
import { contentDir, input, library } from "./answer-fixtures.js";

const payloads = (r: Reply) => (r.choices ?? []).map((c) => c.payload);

// ===  Heritage  ===

describe("heritage_info", () => {
  it("Quan họ: the card with the UNESCO listing and its year (2009)", () => {
    const r = answerHeritage(input("vo-cuong", { intent: "heritage_info", entities: { heritage: ["quan-ho-bac-ninh"] } }));
    const [title, unesco] = r.text.split("\n");
    expect(title).toBe("Dân ca Quan họ Bắc Ninh (Di sản văn hóa phi vật thể)");
    expect(unesco).toBe("UNESCO ghi danh năm 2009 (ngày 30/09/2009): Di sản văn hóa phi vật thể đại diện của nhân loại.");
    expect(r.text).toContain("Địa điểm: Vùng Kinh Bắc");
    expect(r.text).toMatch(/\nNguồn: Cục Du lịch Quốc gia Việt Nam/);
    expect(payloads(r)).toContain("menu:heritage");
  });

  it("Quan họ in English", () => {
    const r = answerHeritage(input("vo-cuong", { intent: "heritage_info", language: "en", entities: { heritage: ["quan-ho-bac-ninh"] } }));
    expect(r.text).toContain("Inscribed by UNESCO in 2009 (30 Sep 2009): Representative List of the Intangible Cultural Heritage of Humanity.");
    expect(r.text).not.toContain("Nguồn");
  });

  it("a relic: unknown opening hours are “chưa cập nhật”, the uncertain note is hedged, its festival is a choice", () => {
    const r = answerHeritage(input("vo-cuong", { intent: "heritage_info", entities: { heritage: ["chua-dau"] } }));
    expect(r.text).toContain("Giờ mở cửa: chưa cập nhật");
    expect(r.text).toContain("Lưu ý (theo thông tin tham khảo): ");
    expect(payloads(r)).toEqual(["festival:le-hoi-chua-dau", "menu:heritage", "menu:handoff"]);
  });

  it("several matches → choices; none named → a short list of the pack's items as choices", () => {
    const several = answerHeritage(input("vo-cuong", { entities: { heritage: ["chua-dau", "den-do"] } }));
    expect(several.text).toBe("Bạn muốn hỏi về di sản nào?");
    expect(payloads(several)).toEqual(["heritage:chua-dau", "heritage:den-do"]);
    const none = answerHeritage(input("vo-cuong", { entities: {} }));
    expect(none.text).toMatch(/^Một số di sản của Phường Võ Cường:/);
    expect(none.text).toContain("• Dân ca Quan họ Bắc Ninh (UNESCO 2009)");
    expect(payloads(none).length).toBe(8);
    expect(payloads(none).every((p) => p.startsWith("heritage:"))).toBe(true);
  });

  it("“heritage:<id>” choices answer the card", () => {
    const pack = library.pack("vo-cuong");
    const r = answerChoice("heritage:quan-ho-bac-ninh", { language: "vi", today: "2026-11-20", pack })!;
    expect(r.text).toBe(heritageCard(pack.heritageItem("quan-ho-bac-ninh")!, pack, "vi").text);
    expect(answerChoice("heritage:khong-co", { language: "vi", today: "2026-11-20", pack })!.text).toMatch(/^Mình chưa có thông tin về mục bạn hỏi/);
  });

  it("a festival asked about as heritage gets the festival's card", async () => {
    const r = await answer(input("vo-cuong", { intent: "heritage_info", entities: { festivals: ["hoi-lim"] } }));
    expect(r.text).toContain("Lễ hội lớn của vùng Quan họ");
  });
});

// ===  Contacts  ===

/** Phone numbers as written in Vietnam (0… or +84…, 9–11 digits, with spaces, dots or dashes), digits only. */
function phonesIn(text: string): string[] {
  return [...text.matchAll(/(?<![\d])(?:\+84|0)(?:[ .-]?\d){8,10}(?![\d])/g)].map((m) => m[0].replace(/\D/g, "").replace(/^84/, "0"));
}

/** Every phone number written anywhere in the content files. */
function contentPhones(): Set<string> {
  const found = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".yaml")) for (const p of phonesIn(readFileSync(path, "utf8"))) found.add(p);
    }
  };
  walk(contentDir);
  return found;
}

describe("contact_info", () => {
  it("the office card: unknown details are “chưa cập nhật” and staff is offered", () => {
    const r = answerContact(input("vo-cuong", { intent: "contact_info", entities: { contacts: ["phong-van-hoa-xa-hoi"] } }));
    expect(r.text).toMatch(/^Phòng Văn hóa - Xã hội phường Võ Cường\nNhiệm vụ: Là cơ quan thường trực/);
    for (const line of ["Điện thoại: chưa cập nhật", "Email: chưa cập nhật", "Địa chỉ: chưa cập nhật", "Giờ làm việc: chưa cập nhật"]) {
      expect(r.text).toContain(line);
    }
    expect(r.choices).toEqual([{ title: "Gặp cán bộ", payload: "menu:handoff" }]);
  });

  it("in English", () => {
    const r = answerContact(input("vo-cuong", { language: "en", entities: { contacts: ["phong-van-hoa-xa-hoi"] } }));
    expect(r.text).toContain("Phone: not yet updated");
    expect(r.choices).toEqual([{ title: "Talk to staff", payload: "menu:handoff" }]);
  });

  it("a known detail is shown exactly as in the content, and only then is no staff choice needed", () => {
    const office = library.pack("vo-cuong").office;
    const known = { ...office, phone: "0222 3 123 456", email: "vhxh@example.gov.vn", address: { vi: "Số 1 đường A" }, hours: { vi: "Thứ Hai – thứ Sáu" }, contactSource: "test" };
    const r = contactCard(known, "vi");
    expect(r.text).toContain("Điện thoại: 0222 3 123 456");
    expect(phonesIn(r.text)).toEqual(["02223123456"]); // the scanner below does find phone numbers
    expect(r.choices).toBeUndefined();
  });

  it("no contact answer in any pack contains a phone number that is not in the content files", () => {
    const allowed = contentPhones();
    const replies: Reply[] = [];
    for (const pack of library.packs.values()) {
      for (const lang of ["vi", "en"] as const) {
        replies.push(contactList(pack, lang));
        for (const c of pack.contacts) {
          replies.push(contactCard(c, lang));
          replies.push(answerContact(input(pack.id, { language: lang, intent: "contact_info", entities: { contacts: [c.id] } })));
          replies.push(answerChoice(`contact:${c.id}`, { language: lang, today: "2026-11-20", pack })!);
        }
      }
    }
    expect(replies.length).toBeGreaterThan(100);
    for (const r of replies) {
      for (const phone of phonesIn(`${r.text}\n${JSON.stringify(r.choices ?? [])}`)) expect(allowed, r.text).toContain(phone);
    }
  });

  it("several matches → choices; none named → the office first, then the others", () => {
    const several = answerContact(input("vo-cuong", { entities: { contacts: ["cong-an-phuong", "phong-tai-chinh"] } }));
    expect(payloads(several)).toEqual(["contact:cong-an-phuong", "contact:phong-tai-chinh"]);
    const none = answerContact(input("tan-an", { entities: {} }));
    expect(payloads(none)[0]).toBe(`contact:${library.pack("tan-an").office.id}`);
    expect(payloads(none).at(-1)).toBe("menu:handoff");
  });
});
