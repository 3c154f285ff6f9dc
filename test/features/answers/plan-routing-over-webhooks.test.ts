/**
 * Issue 12, routing and question handling through the real webhooks: a question about a plan is answered from the
 * plan even when it mentions staff, contacting a unit or a festival, and never opens a dialog; two asks in one
 * message get both answers in one reply; the plan's header is asked in many wordings and in English; a question
 * about the parts of Bắc Ninh's text after III.3 says the text is cut off; frequency words are never dates.
 * Each server serves one pack (CONTENT_PACK); the Zalo OA API is stubbed with nock and the replies are read from
 * what was sent.
 */
import { describe, expect, it } from "vitest";
import { askOnZalo } from "./ask-on-zalo.js";

/** What the handoff and the violation report say when they start. */
const HANDOFF_STARTED = /chuyển cuộc trò chuyện cho cán bộ/;
const REPORT_STARTED = /phản ánh/i;
const PLAN_CITED = /Theo (Kế hoạch|phần đầu văn bản)/;

const serverFor = (pack: string) => askOnZalo(pack, "r");

describe("plan questions never open a dialog (Phường Võ Cường)", () => {
  const ask = serverFor("vo-cuong");

  it("a question about the plan that mentions staff gets the plan's answer, with staff on offer, not the handoff", async () => {
    for (const q of ["cán bộ văn hóa của phường có phải đi tập huấn không", "mỗi năm phường cử cán bộ đi tập huấn không", "Hằng năm ai cử cán bộ văn hóa đi tập huấn?"]) {
      const text = await ask(q);
      expect(text, q).not.toMatch(HANDOFF_STARTED);
      expect(text, q).toContain("mục V.1 (Phòng Văn hóa - Xã hội)");
      expect(text, q).toContain("tập huấn");
      expect(text, q).toContain("[Gặp cán bộ]");
    }
  });

  it("asking for staff still starts the handoff, as a question too", async () => {
    expect(await ask("cho mình gặp cán bộ được không?")).toMatch(HANDOFF_STARTED);
    expect(await ask("có người thật không")).toMatch(HANDOFF_STARTED);
    // Asked for in so many words, even about the plan: a person, not a quote.
    expect(await ask("tôi muốn gặp cán bộ phòng văn hóa để hỏi về kế hoạch")).toMatch(HANDOFF_STARTED);
  });

  it("'liên hệ … qua phòng nào' about the plan: the plan's unit, not the contact list", async () => {
    const text = await ask("có vướng mắc khi làm theo kế hoạch thì liên hệ phản ánh qua phòng nào ạ");
    expect(text).toMatch(/^Đơn vị được giao: UBND phường qua phòng Văn hóa - Xã hội\.\n/);
    expect(text).not.toContain("Các cơ quan, đơn vị khác");
  });

  it("what a festival commemorates, in several wordings: its card with the description, never the report", async () => {
    for (const q of ["lễ hội đền Đô thờ những vị vua nào", "vì sao có lễ hội đền Đô", "le hoi den do tuong niem ai"]) {
      const text = await ask(q);
      expect(text, q).toContain("kỷ niệm ngày Lý Công Uẩn lên ngôi");
      expect(text, q).not.toMatch(REPORT_STARTED);
      expect(text, q).not.toMatch(PLAN_CITED);
    }
  });

  it("'ai xử lý vi phạm …' asks who handles violations: the plan's unit, not a report's status", async () => {
    const text = await ask("ai xử lý vi phạm an ninh văn hóa");
    expect(text).toMatch(/^Đơn vị được giao: Công an phường\./);
    expect(await ask("phản ánh của tôi đến đâu rồi")).not.toMatch(PLAN_CITED);
  });

  it("an English question naming a relic finds it under its Vietnamese name", async () => {
    const text = await ask("Is the Temple of Literature mentioned in the plan?");
    expect(text).toMatch(/^Yes, the plan covers this\./);
    expect(text).toContain("Văn miếu Bắc Ninh");
  });

  it("'mỗi năm', 'hằng năm' are frequencies, not a month: the plan's yearly deadline", async () => {
    const text = await ask("hằng năm các đơn vị phải gửi báo cáo về phường trước ngày nào");
    expect(text).toMatch(/^Thời gian: .*trước ngày 15\/10 hằng năm/);
    expect(text).not.toMatch(/Lễ hội sắp tới|tháng 5/);
  });

  it("a ward's question about the province's plan after its cut-off says where the text stops", async () => {
    const text = await ask("kế hoạch của tỉnh giao sở văn hóa làm gì");
    expect(text).toContain("bị cắt sau mục III.3");
    expect(text).not.toMatch(/mục V\.\d/);
    expect(text).toContain("[Gặp cán bộ]");
  });
});

describe("two asks in one message, and the plan's header in other words (Tỉnh Bắc Ninh)", () => {
  const ask = serverFor("bac-ninh");

  it("'kế hoạch số mấy, ai ký?': both facts, then the header cited once", async () => {
    const text = await ask("ke hoach ngoai giao van hoa cua tinh so hieu bao nhieu, ai ky");
    expect(text).toMatch(/^Số hiệu: 220\/KH-UBND\.\nNgười ký: Vương Quốc Tuấn\.\nTheo phần đầu văn bản Kế hoạch số 220\/KH-UBND ngày 05\/04\/2022 của UBND tỉnh Bắc Ninh\./);
    expect(text.match(/Theo phần đầu văn bản/g)).toHaveLength(1);
  });

  it("three header facts named as nouns, and in English", async () => {
    expect(await ask("cho mình xin số hiệu, ngày ban hành và người ký của kế hoạch")).toMatch(/^Số hiệu: 220\/KH-UBND\.\nNgày ban hành: 05\/04\/2022\.\nNgười ký: Vương Quốc Tuấn\./);
    expect(await ask("who signed it and when")).toMatch(/^Signed by Vương Quốc Tuấn\.\nDate: .*2022/);
  });

  it("one ask answered, the other not: each said, the cut-off noted, staff offered once", async () => {
    const text = await ask("kế hoạch số mấy, khi nào các sở phải nộp báo cáo");
    expect(text).toMatch(/^Số hiệu: 220\/KH-UBND\./);
    expect(text).toMatch(/Về “khi nào các sở phải nộp báo cáo”: .*chưa đề cập nội dung này\./);
    expect(text).toContain("bị cắt sau mục III.3");
    expect(text.match(/Bạn có thể chọn “Gặp cán bộ”/g)).toHaveLength(1);
  });

  it.each([
    ["kế hoạch này tên là gì", /^Tên kế hoạch: Kế hoạch thực hiện Chiến lược Ngoại giao văn hoá tỉnh Bắc Ninh đến năm 2030\./],
    ["kế hoạch hết hạn khi nào", /^Thời gian thực hiện: 2022–2030\./],
    ["kh nay chay tu nam nao den nam nao vay", /^Thời gian thực hiện: 2022–2030\./],
    ["kế hoạch được ký hồi nào", /^Ngày ban hành: 05\/04\/2022\./],
    ["ngày ký kế hoạch", /^Ngày ban hành: 05\/04\/2022\./],
    ["kế hoạch được xây dựng theo chỉ đạo nào", /^Kế hoạch được ban hành để thực hiện: Quyết định số 2013\/QĐ-TTg/],
    ["ai ban hành chiến lược ngoại giao văn hóa mà kế hoạch 220 thực hiện", /^Kế hoạch được ban hành để thực hiện: Quyết định số 2013\/QĐ-TTg/],
    ["When does the plan run until?", /^Period: 2022–2030\./],
    ["Who is the signatory of the plan?", /^Signed by Vương Quốc Tuấn/],
  ])("header: %s", async (q, lead) => {
    expect(await ask(q)).toMatch(lead);
  });

  it("the parts after III.3 (a unit's duties, reporting, reviews) say the text is cut off, never a goal quoted instead", async () => {
    for (const q of ["công an tỉnh có trách nhiệm gì trong kế hoạch", "sở văn hóa tỉnh được giao nhiệm vụ gì trong kế hoạch 220", "tổ chức thực hiện kế hoạch thế nào", "khi nào sơ kết kế hoạch"]) {
      const text = await ask(q);
      expect(text, q).toContain("chưa đề cập nội dung này");
      expect(text, q).toContain("bị cắt sau mục III.3");
      expect(text, q).not.toMatch(/mục I\.\d|mục III\.\d \(/);
      expect(text, q).toContain("[Gặp cán bộ]");
    }
    // The tasks themselves (III) are in the text and answered.
    expect(await ask("tỉnh có nhiệm vụ gì để quảng bá văn hóa")).toMatch(/mục III\.\d \(/);
  });
});

describe("two asks from a task table, frequencies (Phường Tân An)", () => {
  const ask = serverFor("tan-an");

  it("'ai chủ trì và bao giờ xong': the lead unit and the time from the same row, the row cited once", async () => {
    const text = await ask("nhiệm vụ số hóa di sản ai chủ trì và bao giờ phải xong");
    expect(text).toMatch(/^Cơ quan chủ trì: Phòng Văn Hóa – Xã hội phường\. Phối hợp: .*\nThời gian: 2026 – 2027\.\nTheo Kế hoạch .*nhiệm vụ 3 \(Số hóa di sản văn hóa\):/);
    expect(text.match(/nhiệm vụ 3 \(/g)).toHaveLength(1);
  });

  it("an ask that names its topic is searched by itself: 'kinh phí lấy từ đâu, ai lo' quotes the funding part once", async () => {
    const text = await ask("kinh phí lấy từ đâu, ai lo");
    expect(text).toMatch(/^Đơn vị được giao: Phòng Văn Hóa – Xã hội\.\nTheo Kế hoạch .*mục V \(Kinh phí thực hiện\):\n“- Kinh phí thực hiện Kế hoạch được đảm bảo từ ngân sách phường/);
    expect(text.match(/Theo Kế hoạch/g)).toHaveLength(1);
  });

  it("'hàng tháng … mấy lần' is a frequency: the row's '1 lần/tháng', not its year", async () => {
    const text = await ask("hàng tháng chuyên mục số cập nhật mấy lần");
    expect(text).toMatch(/^Thời gian: cập nhật định kỳ tối thiểu 1 lần\/tháng\./);
  });

  it("a unit named and asked what it does, a class asked how many a year: the plan; a class's seats: its card", async () => {
    expect(await ask("UBMTTQ làm gì")).toContain("mục VI.4 (Đề nghị Ủy ban MTTQ và các tổ chức chính trị - xã hội phường)");
    expect(await ask("lớp quan họ mỗi năm mở mấy lớp")).toMatch(/^Con số trong kế hoạch: .*01 lớp/);
    expect(await ask("lớp quan họ còn bao nhiêu chỗ")).toMatch(/^Các lớp truyền dạy của Phường Tân An/);
  });

  it("a festival named and asked how often: the plan's frequency, never its date card", async () => {
    const text = await ask("Festival Về miền Quan họ mấy năm mới có một lần vậy ad");
    expect(text).toMatch(/3 năm\/lần|03 năm\/lần/);
    expect(text).toMatch(PLAN_CITED);
  });
});

describe("a question that names 'liên hệ' and asks which unit does something (Tỉnh Bắc Giang)", () => {
  const ask = serverFor("bac-giang");

  it("goes to the plan (a unit named as lead), not the list of contacts; a phone asked still gets the contact card", async () => {
    const text = await ask("muốn liên hệ đưa sản phẩm vào danh mục quà tặng đối tác quốc tế thì sở nào chủ trì");
    expect(text).toMatch(/^Đơn vị được giao: Sở /);
    expect(text).toMatch(PLAN_CITED);
    expect(text).not.toContain("Các cơ quan, đơn vị khác");
    // "Được nhắc đến" is mentioned, not reminded: the plan, never the reminders.
    const mentioned = await ask("tây yên tử được nhắc đến không");
    expect(mentioned).toMatch(/^Có, kế hoạch có nêu nội dung này\./);
    expect(mentioned).toContain("Tây Yên Tử");
    const phone = await ask("số điện thoại sở ngoại vụ");
    expect(phone).toMatch(/^Sở Ngoại vụ tỉnh Bắc Giang\n/);
    expect(phone).toContain("Điện thoại: chưa cập nhật");
  });
});

describe("a question the plans answer opens no dialog unless it plainly asks to (Phường Tân An)", () => {
  const ask = serverFor("tan-an");

  it("a question with a report's, a class's or registration's words is answered from the plan", async () => {
    const cases: [string, string][] = [
      // Taken for a status lookup by its "phản ánh … đâu".
      ["cac to dan pho gap kho khan thi phan anh ve dau", "Văn hóa - Xã hội"],
      // "đăng ký … lớp" with no class named: the plan's training, not the class list.
      ["can bo van hoa phuong dc dang ky di hoc lop tap huan gi", "mục III.5"],
    ];
    for (const [q, expected] of cases) {
      const text = await ask(q);
      expect(text, q).toMatch(PLAN_CITED);
      expect(text, q).toContain(expected);
      expect(text, q).not.toMatch(/Lớp truyền dạy dân ca Quan họ phường Tân An – đang nhận đăng ký/);
    }
  });

  it("plainly asking to report or to meet staff still starts the dialog", async () => {
    const report = await ask("tôi muốn phản ánh có người viết vẽ bậy lên tường đình");
    expect(report).not.toMatch(PLAN_CITED);
    expect(report).toMatch(REPORT_STARTED);
    const staff = await ask("cho mình gặp cán bộ phòng văn hóa");
    expect(staff).toMatch(HANDOFF_STARTED);
  });
});
