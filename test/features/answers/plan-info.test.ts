import { FakeListChatModel } from "@langchain/core/utils/testing";
import { describe, expect, it } from "vitest";
import { answer, answerPlan, createPlanEngine, type AnswerInput } from "../../../src/features/answers/index.js";
import { input, library } from "./answer-fixtures.js";

const ask = (pack: string, text: string, fields: Parameters<typeof input>[1] = {}) => answerPlan(input(pack, { intent: "plan_info", text, ...fields }));

describe("plan_info answers", () => {
  it("cite the plan by number and date, the section by number and title", async () => {
    const r = await ask("bac-ninh", "Tỉnh có tham gia Tuần văn hóa Việt Nam ở nước ngoài không?");
    expect(r.text).toContain("Theo Kế hoạch số 220/KH-UBND ngày 05/04/2022 của UBND tỉnh Bắc Ninh, mục III.1 (Tăng cường thúc đẩy quan hệ");
  });

  it("cite a plan without a number by its title, issuer and what date it has", async () => {
    const r = await ask("tan-an", "Ai chủ trì số hóa di sản?");
    expect(r.text).toContain(
      "Theo Kế hoạch thực hiện hội nhập quốc tế về văn hóa trên địa bàn phường Tân An giai đoạn 2026-2030 của UBND phường Tân An (tháng 05/2026), Phụ lục “Danh mục các nhiệm vụ chủ yếu”, nhiệm vụ 3 (Số hóa di sản văn hóa):",
    );
  });

  it("never show 'seed', 'đoạn' or file names, and always offer staff", async () => {
    for (const pack of ["vo-cuong", "tan-an", "bac-giang", "kon-ray", "bac-ninh"]) {
      for (const q of ["mục tiêu đến năm 2030 là gì", "ai chủ trì", "kinh phí lấy từ đâu", "giá vé máy bay đi Tokyo"]) {
        const r = await ask(pack, q);
        expect(r.text, `${pack}: ${q}`).not.toMatch(/\bseed\b|(?<!giai )đoạn|\.txt|\.yaml|[a-z]+-[a-z]+-\d{4}/i);
        expect(r.choices).toEqual([{ title: "Gặp cán bộ", payload: "menu:handoff" }]);
      }
    }
  });

  it("who: the unit's name first, from the section heading (V.3 Công an phường)", async () => {
    const r = await ask("vo-cuong", "đơn vị nào lo an ninh khi có đoàn khách nước ngoài đến giao lưu văn hóa");
    expect(r.text.split("\n")[0]).toBe("Đơn vị được giao: Công an phường.");
    expect(r.text).toContain("mục V.3 (Công an phường)");
  });

  it("who: the lead and coordinating units from the appendix table's columns", async () => {
    const r = await ask("tan-an", "ai lo số hóa di sản");
    expect(r.text.split("\n")[0]).toMatch(/^Cơ quan chủ trì: Phòng Văn Hóa – Xã hội phường\. Phối hợp: Sở VH TTDL tỉnh/);
  });

  it("when: the sentence with the date, not the section's general duties", async () => {
    const r = await ask("vo-cuong", "khi nào phải nộp báo cáo kết quả thực hiện kế hoạch");
    expect(r.text.split("\n")[0]).toMatch(/^Thời gian: .*15\/10/);
    expect(r.text).toContain("mục V.8");
  });

  it("how often: the frequency", async () => {
    const r = await ask("tan-an", "festival về miền quan họ bao lâu tổ chức một lần");
    expect(r.text.split("\n")[0]).toMatch(/^Thời gian: .*3 năm\/lần/);
  });

  it("how many: the clause with the figure", async () => {
    const r = await ask("tan-an", "mỗi tổ dân phố phải tổ chức mấy buổi sinh hoạt truyền thông một năm");
    expect(r.text.split("\n")[0]).toMatch(/^Con số trong kế hoạch: .*01 buổi/);
  });

  it("what: the list, in the plan's words", async () => {
    const r = await ask("vo-cuong", "mục tiêu của kế hoạch đến năm 2030 là gì");
    expect(r.text).toContain("mục II.2 (Mục tiêu cụ thể đến năm 2030)");
    expect(r.text).toMatch(/“- .*100%/s);
  });

  it("yes/no: says yes and quotes", async () => {
    const r = await ask("bac-giang", "kế hoạch có nói gì đến chùa Vĩnh Nghiêm không");
    expect(r.text.split("\n")[0]).toBe("Có, kế hoạch có nêu nội dung này.");
    expect(r.text).toContain("Vĩnh Nghiêm");
  });

  it("header: number, date, signer, documents it implements", async () => {
    expect((await ask("bac-ninh", "kế hoạch 220 ký ngày nào")).text).toMatch(/^Ngày ban hành: 05\/04\/2022\./);
    expect((await ask("tan-an", "kế hoạch tân an ai ký")).text).toMatch(/^Người ký: Trần Văn Quỳnh/);
    expect((await ask("tan-an", "kế hoạch của phường làm theo kế hoạch số mấy của tỉnh")).text).toContain("Kế hoạch số 142/KH-UBND ngày 30/4/2026");
    // A draft with "Số: /KH-UBND" has no number: say so, never make one up.
    expect((await ask("vo-cuong", "kế hoạch của phường số hiệu là gì")).text).toMatch(/^Bản kế hoạch mình có để trống số hiệu/);
  });

  it("a ward's question its own plan does not answer is answered from the province's plan, saying so", async () => {
    const r = await ask("tan-an", "tỉnh đặt mục tiêu đến 2030 có thêm mấy di sản được UNESCO công nhận");
    expect(r.text.split("\n")[0]).toBe("Kế hoạch của UBND phường Tân An chưa nêu việc này; kế hoạch của UBND tỉnh Bắc Ninh có nêu.");
    expect(r.text).toContain("Kế hoạch số 220/KH-UBND");
    expect(r.text).toMatch(/02 di sản/);
  });

  it("not covered: says so, offers staff, invents nothing; a cut-off text says where it stops", async () => {
    const r = await ask("bac-ninh", "kế hoạch 220 giao sở nào chủ trì tổ chức thực hiện và kinh phí bao nhiêu tỷ");
    expect(r.text).toContain("chưa đề cập nội dung này");
    expect(r.text).toContain("bị cắt sau mục III.3");
    expect(r.text).not.toMatch(/tỷ đồng|\d+ tỷ/);
    const none = await ask("tan-an", "Giá vé máy bay đi Tokyo bao nhiêu?");
    expect(none.text).toContain("chưa đề cập nội dung này");
  });

  it("English: an English lead (unit's English name from contacts), then the plan's Vietnamese wording, marked", async () => {
    const r = await ask("vo-cuong", "Which office is responsible for police security at cultural exchanges with foreigners?", { language: "en" });
    const [lead, marker] = r.text.split("\n");
    expect(lead).toBe("Responsible: Vo Cuong Ward Police (Công an phường).");
    expect(marker).toBe("The plan's wording (Vietnamese):");
    expect(r.text).toMatch(/Source: the plan “Kế hoạch hội nhập quốc tế .*” by the Võ Cường Ward People's Committee \(2026\), section V\.3 \(Công an phường\)\./);
    const when = await ask("tan-an", "When are the yearly reports due?", { language: "en" });
    expect(when.text.split("\n")[0]).toMatch(/^When: (every year, before 25\/10|before 25\/10, every year)/);
  });

  it("a chat model words the answer from the quotes only; the citation is added when it leaves it out", async () => {
    const model = new FakeListChatModel({ responses: ["Phòng Văn hóa – Xã hội phường chủ trì số hóa di sản."] });
    const r = await ask("tan-an", "Ai chủ trì số hóa di sản?", { model });
    expect(r.text).toMatch(/^Phòng Văn hóa – Xã hội phường chủ trì số hóa di sản\.\nNguồn: Kế hoạch thực hiện .*, Phụ lục “Danh mục các nhiệm vụ chủ yếu”, nhiệm vụ 3 \(Số hóa di sản văn hóa\)$/);
  });

  it("a failing model falls back to the engine's answer", async () => {
    const model = new FakeListChatModel({ responses: ["x"] });
    model.invoke = async () => {
      throw new Error("provider down");
    };
    expect((await ask("tan-an", "Ai chủ trì số hóa di sản?", { model })).text).toBe((await ask("tan-an", "Ai chủ trì số hóa di sản?")).text);
  });

  it("without an engine in the input, builds one over the pack's own plans", async () => {
    const { plans: _ignored, ...noEngine } = input("kon-ray", { intent: "plan_info", text: "ai dạy ứng xử văn hóa cho người đi xuất khẩu lao động" });
    expect((await answerPlan(noEngine)).text).toContain("mục V.7");
    expect(createPlanEngine(library.packs.values()).models).toHaveLength(5);
  });
});

describe("routing by evidence (answer())", () => {
  const route = (pack: string, text: string, intent: AnswerInput["intent"], entities = {}) =>
    answer(input(pack, { text, intent, entities, today: "2026-01-10" }));

  it("a plan question naming a relic, festival, unit or month goes to the plan", async () => {
    const relic = await route("tan-an", "ai lo số hóa di tích ở phường", "heritage_info");
    expect(relic.text).toContain("nhiệm vụ 3 (Số hóa di sản văn hóa)");
    const festival = await route("tan-an", "festival về miền quan họ bao lâu tổ chức một lần", "festival_dates", { festivals: ["festival-ve-mien-quan-ho"] });
    expect(festival.text).toMatch(/3 năm\/lần/);
    expect(festival.text).toMatch(/^Thời gian:/);
    const unit = await route("vo-cuong", "công an phường có nhiệm vụ gì trong kế hoạch này", "contact_info", { contacts: ["cong-an-phuong"] });
    expect(unit.text).toContain("mục V.3 (Công an phường)");
    const month = await route("vo-cuong", "hạn chót gửi báo cáo hằng năm là ngày mấy", "festival_dates", {});
    expect(month.text).toContain("15/10");
  });

  it("a card answers what it holds: a festival's date, a contact's phone", async () => {
    const date = await route("vo-cuong", "Hội Lim năm 2027 ngày nào?", "festival_dates", { festivals: ["hoi-lim"], year: 2027 });
    expect(date.text).toMatch(/^Hội Lim năm 2027/);
    const phone = await route("vo-cuong", "số điện thoại phòng văn hóa xã hội", "contact_info", { contacts: ["phong-van-hoa-xa-hoi"] });
    expect(phone.text).not.toMatch(/^Theo Kế hoạch/);
  });

  it("what a festival commemorates: the festival's card with its description", async () => {
    const r = await route("vo-cuong", "Hội Lim để tưởng nhớ ai?", "festival_dates", { festivals: ["hoi-lim"] });
    const festival = library.pack("vo-cuong").festival("hoi-lim")!;
    expect(r.text).toContain(festival.description.vi.slice(0, 40));
  });
});
