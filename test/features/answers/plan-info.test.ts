import { FakeListChatModel } from "@langchain/core/utils/testing";
import { describe, expect, it } from "vitest";
import { answerPlan, createPlanIndex, findPlanPassages } from "../../../src/features/answers/index.js";
import { input, library, plans } from "./answer-fixtures.js";

const title = (pack: string) => library.pack(pack).plans[0].plan.title.vi;

/** [pack, a resident's question, where the answer is] — one question per plan. */
const QUESTIONS: [string, string, string][] = [
  ["vo-cuong", "Phường có làm video quảng bá trên Facebook, Zalo không?", "mục III.2, đoạn 2"],
  ["tan-an", "Ai chủ trì số hóa di sản?", "Phụ lục, nhiệm vụ 3"],
  ["bac-giang", "Hội chợ trái cây quốc tế ai tổ chức?", "mục IV.4"],
  ["kon-ray", "Đào tạo văn hóa cho người đi lao động nước ngoài", "mục V.7"],
  ["bac-ninh", "Tuần văn hóa Việt Nam ở nước ngoài", "mục III.1, đoạn 2"],
];

describe("plan_info", () => {
  for (const [pack, question, where] of QUESTIONS) {
    it(`[${pack}] cites ${where}`, async () => {
      const r = await answerPlan(input(pack, { intent: "plan_info", text: question }));
      const [head, ...passage] = r.text.split("\n");
      expect(head).toMatch(new RegExp(`^Theo ${escape(title(pack))}.*, ${escape(where)}:$`));
      expect(passage.join("\n").length).toBeGreaterThan(20);
      expect(passage.join("\n").length).toBeLessThanOrEqual(500);
      expect(r.choices).toBeUndefined();
    });
  }

  it("the passage is in the plan's own words", async () => {
    const r = await answerPlan(input("tan-an", { text: "Ai chủ trì số hóa di sản?" }));
    expect(r.text).toContain("Cơ quan chủ trì: Phòng Văn Hóa – Xã hội phường");
  });

  it("a ward's own plan answers before the province's it extends, and the province's is searched next", () => {
    const vo = library.pack("vo-cuong");
    expect(findPlanPassages(plans, vo, "Báo cáo kết quả trước ngày nào?")[0].document.metadata.packId).toBe("vo-cuong");
    const [hit] = findPlanPassages(plans, vo, "Tổ chức xúc tiến du lịch các thành phố châu Á - Thái Bình Dương (TPO)");
    expect(hit.coverage).toBeGreaterThanOrEqual(0.35);
  });

  it("low coverage: says the plans do not mention it and offers staff", async () => {
    const r = await answerPlan(input("tan-an", { text: "Giá vé máy bay đi Tokyo bao nhiêu?" }));
    expect(r.text).toMatch(/^Các kế hoạch văn hóa của Phường Tân An mà mình có chưa đề cập nội dung này\./);
    expect(r.choices).toEqual([{ title: "Gặp cán bộ", payload: "menu:handoff" }]);
  });

  it("English: the plan's words with an English citation, or a plain note that the plans are in Vietnamese", async () => {
    const cited = await answerPlan(input("tan-an", { language: "en", text: "Ai chủ trì số hóa di sản?" }));
    expect(cited.text).toMatch(/^According to .*, appendix, task 3 \(the plan is in Vietnamese\):/);
    const none = await answerPlan(input("vo-cuong", { language: "en", text: "When are the yearly reports due?" }));
    expect(none.text).toContain("The plans are in Vietnamese");
    expect(none.choices).toEqual([{ title: "Talk to staff", payload: "menu:handoff" }]);
  });

  it("without a retriever in the input, builds one over the pack's own plans (same answer)", async () => {
    const { plans: _ignored, ...noRetriever } = input("tan-an", { text: "Ai chủ trì số hóa di sản?" });
    expect((await answerPlan(noRetriever)).text).toBe((await answerPlan(input("tan-an", { text: "Ai chủ trì số hóa di sản?" }))).text);
  });

  it("a chat model words the answer from the passages; the citation is added when it leaves it out", async () => {
    const model = new FakeListChatModel({ responses: ["Phòng Văn hóa – Xã hội phường chủ trì số hóa di sản."] });
    const r = await answerPlan(input("tan-an", { text: "Ai chủ trì số hóa di sản?", model }));
    expect(r.text).toBe(`Phòng Văn hóa – Xã hội phường chủ trì số hóa di sản.\nNguồn: ${title("tan-an")}, Phụ lục, nhiệm vụ 3`);
  });

  it("a failing model falls back to the condensed passage", async () => {
    const model = new FakeListChatModel({ responses: ["x"] });
    model.invoke = async () => {
      throw new Error("provider down");
    };
    const r = await answerPlan(input("tan-an", { text: "Ai chủ trì số hóa di sản?", model }));
    expect(r.text).toMatch(/^Theo .*Phụ lục, nhiệm vụ 3:/);
  });

  it("the factory covers every pack's plans", () => {
    const retriever = createPlanIndex(library.packs.values());
    const packs = new Set(retriever.search("văn hóa", 200).map((h) => h.document.metadata.packId));
    expect(packs).toEqual(new Set(["vo-cuong", "tan-an", "bac-giang", "kon-ray", "bac-ninh"]));
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
