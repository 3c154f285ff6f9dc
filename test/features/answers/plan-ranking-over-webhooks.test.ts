/**
 * Issue 12, which section answers, through the real webhooks: a money question cites the plan's funding part, not
 * the finance office's duties; a unit named by what tells it apart ("xã, thị trấn"); an amount of money the plans do
 * not give is "not covered", never a count or a frequency; a list asked about what a plan does with heritage is the
 * plan's; English verbs of following a plan ("keep track of", "carried out") find the unit that does it; "progress"
 * ("tiến độ") is not money ("tiền").
 */
import { describe, expect, it } from "vitest";
import { askOnZalo } from "./ask-on-zalo.js";

const NOT_COVERED = /chưa đề cập|do(es)? not mention/;

describe("money and the unit that follows the plan (Phường Võ Cường)", () => {
  const ask = askOnZalo("vo-cuong", "k");

  it("where the money comes from, in several wordings: the plan's 'Kinh phí thực hiện', not Phòng Tài chính's duties", async () => {
    for (const q of ["tiền làm kế hoạch lấy từ nguồn nào vậy", "kinh phí để làm kế hoạch này lấy ở đâu ra", "tien de phuong lam ke hoach hoi nhap o dau ra"]) {
      const text = await ask(q);
      expect(text, q).toMatch(/mục IV\.\d \(Kinh phí thực hiện\)/);
      expect(text, q).toContain("ngân sách Nhà nước");
      expect(text, q).not.toContain("mục V.5");
    }
  });

  it("English: who keeps track of the plan, and of its progress, is the culture office (not the finance office)", async () => {
    for (const q of ["Who keeps track of how the plan is carried out?", "Who keeps track of the plan's progress?"]) {
      const text = await ask(q);
      expect(text, q).toMatch(/^Responsible: Culture and Society Office/);
      expect(text, q).not.toContain("Finance");
    }
  });
});

describe("units and amounts (Huyện Kon Rẫy, Phường Tân An)", () => {
  const kon = askOnZalo("kon-ray", "k");
  const tan = askOnZalo("tan-an", "k");

  it("'xã, thị trấn' names the communes' and towns' section, with or without diacritics", async () => {
    for (const q of ["các xã, thị trấn được giao làm gì trong kế hoạch", "xa thi tran co nhiem vu gi"]) {
      expect(await kon(q), q).toContain("mục V.8 (Ủy ban nhân dân các xã, thị trấn)");
    }
  });

  it("an amount of money the plan does not give is not covered: no frequency or count quoted instead", async () => {
    for (const q of ["phường dành bao nhiêu tiền để tổ chức lễ hội", "How much money will the ward spend on the festival?"]) {
      const text = await tan(q);
      expect(text, q).toMatch(NOT_COVERED);
      expect(text, q).not.toContain("năm/lần");
    }
  });
});

describe("heritage lists asked about the plan (Tỉnh Bắc Giang cũ)", () => {
  const ask = askOnZalo("bac-giang", "k");

  it("'tỉnh quảng bá những di sản nào' is what the plan promotes, not the heritage card's list", async () => {
    for (const q of ["tinh se quang ba nhung di san nao", "tỉnh giới thiệu, quảng bá những di sản nào ra nước ngoài"]) {
      const text = await ask(q);
      expect(text, q).toMatch(/^Theo Kế hoạch triển khai thực hiện Chiến lược Ngoại giao văn hoá/);
      expect(text, q).not.toMatch(/^Một số di sản/);
    }
    // Asked plainly, the list is the card's.
    expect(await ask("tỉnh có những di sản nào")).toMatch(/^Một số di sản/);
  });
});
