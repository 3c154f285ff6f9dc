/**
 * Issue 12 through the real webhooks: questions about what the plans say, as residents write them, answered with
 * what was asked first, the plan cited as a citizen names it, and staff on offer. Each server serves one pack
 * (CONTENT_PACK); the Zalo OA API is stubbed with nock and the replies are read from what was sent.
 */
import { beforeAll, afterAll, describe, expect, it } from "vitest";
import { messengerText, recordGraphSends, startTestServer, type TestServer } from "../../helpers/test-server.js";
import { askOnZalo } from "./ask-on-zalo.js";

/** Internal words a person must never see. */
const INTERNAL = /\bseed\b|(?<!giai )đoạn|\.txt|\.yaml|tan-an-hoi-nhap|appendix:/i;

/** Ask on Zalo as a new person; the reply's text and buttons, checked for internal words. */
function serverFor(pack: string) {
  const ask = askOnZalo(pack);
  return async (question: string): Promise<string> => {
    const text = await ask(question);
    expect(text, question).not.toMatch(INTERNAL);
    return text;
  };
}

describe("plan answers over Zalo (Phường Võ Cường)", () => {
  const ask = serverFor("vo-cuong");

  it("who: the unit first, from the section heading, then the citation and the plan's words", async () => {
    const text = await ask("đơn vị nào lo an ninh khi có đoàn khách nước ngoài về giao lưu văn hoá ở phường");
    expect(text).toMatch(/^Đơn vị được giao: Công an phường\.\nTheo Kế hoạch hội nhập quốc tế .* của UBND phường Võ Cường \(năm 2026\), mục V\.3 \(Công an phường\):\n“/);
    expect(text).toContain("[Gặp cán bộ]");
  });

  it("when: the sentence with the date, not the section's general duties (V.8, 15/10)", async () => {
    const text = await ask("khi nào phải nộp báo cáo kết quả thực hiện kế hoạch");
    expect(text).toMatch(/^Thời gian: .*trước ngày 15\/10 hằng năm/);
    expect(text).toContain("mục V.8 (Chế độ báo cáo)");
  });

  it("what: the plan's goals to 2030 are answered (they were refused before), as a list", async () => {
    const text = await ask("mục tiêu của kế hoạch đến năm 2030 là gì");
    expect(text).toContain("mục II.2 (Mục tiêu cụ thể đến năm 2030)");
    expect(text).toMatch(/“- 100%.*\n- Duy trì/s);
  });

  it("who, when the plan gives the task to no unit: says so instead of listing every unit", async () => {
    const text = await ask("ai phụ trách số hóa di tích");
    expect(text).toMatch(/^Kế hoạch không nêu rõ đơn vị nào phụ trách việc này; nội dung liên quan:\nTheo Kế hoạch .*mục II\.2/);
    expect(text).toContain("số hóa dữ liệu di tích");
  });

  it("a unit's duties come from its own section (V.1), not another unit's", async () => {
    const text = await ask("phòng văn hóa xã hội có nhiệm vụ gì trong kế hoạch");
    expect(text).toContain("mục V.1 (Phòng Văn hóa - Xã hội)");
    expect(text).not.toContain("mục V.5");
  });

  it("'mỗi năm' is a frequency, not May: a plan question, not a festival list", async () => {
    const text = await ask("mỗi năm phường có tổ chức giao lưu văn hóa không");
    expect(text).toMatch(/^Có, kế hoạch có nêu nội dung này\./);
    expect(text).toContain("Hằng năm tổ chức hoặc tham gia các hoạt động giao lưu văn hóa");
    expect(text).not.toMatch(/tháng 5|Lễ hội sắp tới/);
  });

  it("what a festival commemorates: the festival's card with its description, never the violation report", async () => {
    const text = await ask("lễ hội đền Đô tưởng niệm ai");
    expect(text).toContain("kỷ niệm ngày Lý Công Uẩn lên ngôi");
    expect(text).not.toMatch(/phản ánh|Bạn muốn phản ánh/i);
  });

  it("header: who signed; a blank plan number is said to be blank, never made up", async () => {
    expect(await ask("ke hoach cua phuong vo cuong do ai ky vay")).toMatch(/^Người ký: Trần Thu Hà/);
    expect(await ask("kế hoạch của phường số hiệu là gì")).toMatch(/^Bản kế hoạch mình có để trống số hiệu/);
  });

  it("not covered: says so, offers staff, gives no figure", async () => {
    const text = await ask("tổng kinh phí kế hoạch hội nhập văn hóa của phường là bao nhiêu tỷ");
    expect(text).toContain("chưa đề cập nội dung này");
    expect(text).toContain("[Gặp cán bộ]");
    expect(text).not.toMatch(/\d+ tỷ/);
  });
});

describe("what is not a plan question, over Zalo (Phường Võ Cường)", () => {
  const ask = serverFor("vo-cuong");

  it("a bare number is not read as a plan section ('2' is not mục IV.2)", async () => {
    const text = await ask("2");
    expect(text).not.toMatch(/Theo Kế hoạch|mục IV\.2/);
  });

  it("one word in common with a plan does not make a message put out of scope a plan question", async () => {
    for (const q of ["vay tiền", "làm sổ đỏ", "giá đất khu này"]) expect(await ask(q), q).not.toMatch(/Theo Kế hoạch|chưa đề cập/);
  });

  it("a question the plans talk about but do not answer gets their 'not covered' with staff, not 'out of scope'", async () => {
    const text = await ask("phường chi bao nhiêu tiền cho video quảng bá");
    expect(text).toContain("chưa đề cập nội dung này");
    expect(text).toContain("[Gặp cán bộ]");
    expect(text).not.toMatch(/\d+ (tỷ|triệu|đồng)/);
  });

  it("Chinese 'what cultural heritage is there': the heritage list, not a plan quote", async () => {
    const text = await ask("林村有什么文化遗产");
    expect(text).not.toMatch(/根据Kế hoạch|计划原文/);
    expect(text).toContain("官贺");
  });

  it("plan quotes end on a word with '…', never mid-word", async () => {
    const text = await ask("mục tiêu của kế hoạch đến năm 2030 là gì");
    expect(text).toContain("mục II.2 (Mục tiêu cụ thể đến năm 2030)");
    for (const cut of text.match(/\S+ …/g) ?? []) expect(cut, cut).not.toMatch(/^(tra|trang bị)? ?…$/);
    expect(text).not.toMatch(/được tra …/);
  });
});

describe("plan answers over Zalo (Phường Tân An)", () => {
  const ask = serverFor("tan-an");

  it("who from the appendix table: the lead unit's column first, with the coordinating units", async () => {
    const text = await ask("ai lo so hoa di san o tan an vay");
    expect(text).toMatch(/^Cơ quan chủ trì: Phòng Văn Hóa – Xã hội phường\. Phối hợp: Sở VH TTDL tỉnh/);
    expect(text).toContain("Phụ lục “Danh mục các nhiệm vụ chủ yếu”, nhiệm vụ 3 (Số hóa di sản văn hóa):");
  });

  it("who approves: the approver the plan names, then who prepares it, from the section that submits it (VI.1)", async () => {
    const text = await ask("đơn vị nào thẩm định kế hoạch hằng năm");
    expect(text).toMatch(/^Cấp phê duyệt: Chủ tịch UBND phường\. Đơn vị xây dựng, trình: Phòng Văn Hóa - Xã hội phường\.\nTheo .*mục VI\.1 /);
  });

  it("to whom: where the plan sends reports, not who sends them", async () => {
    const text = await ask("cuoi thang 10 hang nam phuong gui bao cao cho ai");
    expect(text).toMatch(/^Nơi nhận: Sở VH TTDL tỉnh và UBND phường\.\nTheo .*mục VI\.1 /);
  });

  it("how many, when the plan gives no number: the appendix's tasks as the plan numbers them, no total made up", async () => {
    const text = await ask("phụ lục kế hoạch có bao nhiêu nhiệm vụ");
    expect(text).toMatch(/^Phụ lục “Danh mục các nhiệm vụ chủ yếu” của kế hoạch kể các nhiệm vụ sau/);
    expect(text).toContain("nhiệm vụ 11 (Báo cáo, kiểm tra, đánh giá)");
    expect(text).not.toMatch(/có 11 nhiệm vụ/);
  });

  it("a festival named and asked a count: the plans give no figure (and what they say of it), never the festival's date as if it answered", async () => {
    const text = await ask("festival quan họ năm 2026 có bao nhiêu du khách");
    expect(text).toMatch(/^Kế hoạch không nêu con số riêng cho việc này; nội dung liên quan:/);
    expect(text).toContain("[Gặp cán bộ]");
    expect(text).not.toContain("27/03/2026");
  });

  it("how often, naming a festival: the plan's frequency, not the festival's next date", async () => {
    const text = await ask("festival ve mien quan ho bao lau to chuc 1 lan");
    expect(text).toMatch(/^Thời gian: .*03 năm\/lần|^Thời gian: .*3 năm\/lần/);
  });

  it("how many: the clause with the figure", async () => {
    const text = await ask("mỗi tổ dân phố phải tổ chức mấy buổi sinh hoạt truyền thông 1 năm");
    expect(text).toMatch(/^Con số trong kế hoạch: .*01 buổi/);
  });

  it("a ward's question only the province's plan answers: answered from it, saying so", async () => {
    const text = await ask("tỉnh đặt mục tiêu đến 2030 có thêm mấy di sản được UNESCO công nhận");
    expect(text).toMatch(/^Kế hoạch của UBND phường Tân An chưa nêu việc này; kế hoạch của UBND tỉnh Bắc Ninh có nêu\./);
    expect(text).toContain("Theo Kế hoạch số 220/KH-UBND ngày 05/04/2022 của UBND tỉnh Bắc Ninh, mục I.2 (Mục tiêu cụ thể):");
    expect(text).toContain("02 di sản");
  });
});

describe("plan answers over Zalo (Tỉnh Bắc Ninh, a text cut off after III.3)", () => {
  const ask = serverFor("bac-ninh");

  it("cites by number and date; a question about the missing parts says where the text stops", async () => {
    expect(await ask("ke hoach 220 co nhac toi ASEAN khong")).toContain("Theo Kế hoạch số 220/KH-UBND ngày 05/04/2022 của UBND tỉnh Bắc Ninh, mục I.2 (Mục tiêu cụ thể):");
    const cut = await ask("kế hoạch 220 giao sở nào chủ trì tổ chức thực hiện");
    expect(cut).toContain("bị cắt sau mục III.3");
    expect(cut).toContain("[Gặp cán bộ]");
  });
});

describe("plan answers over Messenger, in English", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ BOT_TODAY: "2026-11-25" });
  });
  afterAll(async () => server.stop());

  it("an English lead (the unit's English name from contacts), then the Vietnamese quote marked as the plan's wording", async () => {
    const sent = recordGraphSends();
    await server.postMessenger(messengerText("Who handles security for cultural events with foreigners in Vo Cuong?", "en-plan"));
    await server.settle();
    const text = sent.map((s) => s.body.message?.text ?? "").join("\n");
    expect(text).toMatch(/^Responsible: Vo Cuong Ward Police \(Công an phường\)\.\nThe plan's wording \(Vietnamese\):\n“/);
    expect(text).toMatch(/Source: the plan “Kế hoạch hội nhập quốc tế .*” by the Võ Cường Ward People's Committee \(2026\), section V\.3 \(Công an phường\)\./);
    expect(text).not.toMatch(INTERNAL);
  });
});

describe("plan answers over Zalo, in Chinese and Korean (Phường Võ Cường)", () => {
  const ask = serverFor("vo-cuong");

  it("Chinese: the lead in Chinese (the unit's Chinese name from contacts, else English), then the Vietnamese quote marked 计划原文", async () => {
    const text = await ask("外国代表团来坊里交流文化活动时，谁负责安全？");
    expect(text).toMatch(/^负责单位：.*\(Công an phường\)。\n出处：武强坊人民委员会2026年发布的计划“Kế hoạch hội nhập quốc tế .*”第V\.3节（Công an phường）。\n计划原文（越南语）：\n“/);
    expect(text).toContain("[人工客服]");
  });

  it("Korean: a when-question gets the plan's date in a Korean lead, then the Vietnamese quote marked 계획 원문", async () => {
    const text = await ask("계획 실행 결과 보고서는 언제까지 제출해야 하나요?");
    expect(text).toMatch(/^시기: “.*trước ngày 15\/10 hằng năm.*”\./);
    expect(text).toMatch(/\n출처: 보끄엉 동 인민위원회의 2026년 계획 “Kế hoạch hội nhập quốc tế .*”, V\.8항\(Chế độ báo cáo\)\.\n계획 원문\(베트남어\):\n“/);
    expect(text).toContain("[직원 연결]");
  });

  it("Chinese header questions (signer, issuer, number) are answered in Chinese from the plan's header", async () => {
    const signer = await ask("这个计划是谁签署的？");
    expect(signer).toMatch(/^签署人：Trần Thu Hà（职务按计划原文：KT\. Chủ tịch, Phó Chủ tịch）。\n出处：武强坊人民委员会2026年发布的计划“Kế hoạch hội nhập quốc tế .*”的开头部分。/);
    expect(await ask("哪个机关发布的计划")).toMatch(/^发布机关：武强坊人民委员会（UBND phường Võ Cường）。/);
    // The ward's copy has no number: said so, never a number made up.
    expect(await ask("计划的文号是多少")).toMatch(/^我手上的这份计划文号一栏是空的/);
    expect(signer).not.toMatch(/Signed by|Source:|Theo phần đầu/);
  });

  it("Korean header questions (date, period) are answered in Korean; the province's plan is named in Korean", async () => {
    expect(await ask("계획은 언제 발표됐어요?")).toMatch(/^제가 가진 계획 사본에는 2026년만 적혀 있고 정확한 날짜는 없습니다\.\n출처: 보끄엉 동 인민위원회의 2026년 계획 “/);
    expect(await ask("계획 기간은 몇 년까지예요?")).toMatch(/^시행 기간: 2026–2030년\./);
  });

  it("not covered, in Chinese and in Korean: which plans were searched, where the province's copy is cut off, staff on offer", async () => {
    const zh = await ask("计划里有没有提到门票价格");
    expect(zh).toMatch(/^武强坊人民委员会2026年发布的计划“.*”；北宁省人民委员会2022年4月5日第220\/KH-UBND号计划都没有提到这方面的内容。/);
    expect(zh).toContain("注意：我手上的北宁省人民委员会2022年4月5日第220/KH-UBND号计划在第III.3节之后缺失");
    expect(zh).toContain("您可以选择“人工客服”");
    expect(zh).toContain("[人工客服]");
    expect(zh).not.toMatch(/does not mention|Talk to staff|chưa đề cập/);
    const ko = await ask("계획에 입장료 내용이 있나요?");
    expect(ko).toMatch(/박닌성 인민위원회의 2022년 4월 5일 계획 제220\/KH-UBND호에는 이 내용이 없습니다\./);
    expect(ko).toContain("‘직원 연결’을 선택하시면");
    expect(ko).toContain("[직원 연결]");
    expect(ko).not.toMatch(/does not mention|Talk to staff/);
  });
});
