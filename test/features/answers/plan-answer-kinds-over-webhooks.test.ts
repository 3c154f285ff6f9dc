/**
 * Issue 12, what the reply says and where a plan question goes, through the real Zalo webhook: a question that
 * mentions foreigners taking part or counts something the plans only talk about opens no report; a unit named and
 * asked what it does (not its phone) gets the plan, from the unit's first duty; a who-question that names no class
 * is not a class card; heritage named in a question about promoting it gets the plan, a list of heritage stays the
 * card's; a list asked is quoted around its enumeration; header questions in longer English wordings. Each server
 * serves one pack (CONTENT_PACK); the Zalo OA API is stubbed with nock and the replies are read from what was sent.
 */
import { describe, expect, it } from "vitest";
import { askOnZalo } from "./ask-on-zalo.js";

const REPORT_STARTED = /phản ánh|mô tả/i;
const PLAN_CITED = /Theo Kế hoạch/;

describe("plan questions that look like a report open none (Phường Võ Cường, Tỉnh Bắc Ninh)", () => {
  const askWard = askOnZalo("vo-cuong", "k");

  it("a count the plan does not give ('mấy cái clip'): no figure, what the plan says of clips, staff on offer; not a report", async () => {
    const text = await askWard("phuong dinh lam may cai clip quang ba tren mang");
    expect(text).not.toMatch(REPORT_STARTED);
    expect(text).toMatch(/^Kế hoạch không nêu con số riêng cho việc này; nội dung liên quan:\nTheo Kế hoạch hội nhập quốc tế về văn hóa trên địa bàn phường Võ Cường/);
    expect(text).toContain("sản phẩm truyền thông số");
    expect(text).toContain("[Gặp cán bộ]");
  });

  it("a count the plan gives is still its figure", async () => {
    expect(await askWard("phường làm bao nhiêu sản phẩm truyền thông số")).toMatch(/^Con số trong kế hoạch: .*01 đến 02 sản phẩm truyền thông số/);
  });

  it("someone telling what they saw still starts the report", async () => {
    expect(await askWard("có người vẽ bậy lên tường đình")).toMatch(/phản ánh/i);
  });
});

describe("foreigners taking part is asked, not told (Tỉnh Bắc Ninh)", () => {
  const ask = askOnZalo("bac-ninh", "k");

  it("'có người nước ngoài tham gia ko' gets the plan's yes and its section", async () => {
    const text = await ask("tỉnh có tổ chức sự kiện văn hoá có người nước ngoài tham gia không ạ");
    expect(text).toMatch(/^Có, kế hoạch có nêu nội dung này\./);
    expect(text).toContain("mục III.3");
    expect(text).toContain("có yếu tố nước ngoài tham gia");
  });

  it("promoting heritage 'qua những kênh nào' is the plan's list of media, quoted around it; 'những di sản nào' stays the card's", async () => {
    const text = await ask("tỉnh quảng bá di sản qua những kênh nào vậy ad");
    expect(text).toMatch(PLAN_CITED);
    expect(text).toContain("Báo Bắc Ninh, Đài Phát thanh - Truyền hình tỉnh");
    const card = await ask("tỉnh có những di sản nào");
    expect(card).not.toMatch(PLAN_CITED);
    expect(card).toContain("Dân ca Quan họ Bắc Ninh");
  });

  it("header questions in longer English wordings: the date and the number from the header", async () => {
    expect(await ask("When was the Bac Ninh provincial cultural diplomacy plan issued?")).toMatch(/^Date: 05\/04\/2022\./);
    expect(await ask("what is the official number of the provincial plan")).toMatch(/^Number: 220\/KH-UBND\./);
  });
});

describe("a unit named: its duties are the plan's, its phone the card's (Phường Võ Cường)", () => {
  const ask = askOnZalo("vo-cuong", "n");

  it("'phòng kinh tế … chọn những sản phẩm nào' quotes the unit's section; its phone number is the contact card", async () => {
    const text = await ask("phòng kinh tế lựa chọn những sản phẩm nào làm hình ảnh phường");
    expect(text).toContain("mục V.4 (Phòng Kinh Tế, Hạ tầng và Đô thị)");
    expect(text).toContain("sản phẩm OCOP");
    const card = await ask("số điện thoại phòng kinh tế hạ tầng");
    expect(card).not.toMatch(PLAN_CITED);
    expect(card).toMatch(/Điện thoại:/);
  });

});

describe("a unit named and asked a yes/no (Phường Tân An)", () => {
  const ask = askOnZalo("tan-an", "y");

  it("'tổ dân phố có được … gì không' is the plan's yes from the groups' section, not their contact card", async () => {
    const text = await ask("tổ dân phố có được hỗ trợ gì để làm văn hóa không");
    expect(text).toMatch(/^Có, kế hoạch có nêu nội dung này\./);
    expect(text).toContain("mục VI.5 (Các Tổ dân phố)");
    expect(text).not.toMatch(/Điện thoại:/);
  });
});

describe("a unit's duties from the first one (Tỉnh Bắc Giang cũ)", () => {
  const ask = askOnZalo("bac-giang", "d");

  it("'Sở Ngoại vụ làm những gì' quotes IV.1 from its first duty (the contact point with the ministry)", async () => {
    const text = await ask("sở ngoại vụ được giao làm những việc gì");
    expect(text).toContain("mục IV.1 (Sở Ngoại vụ)");
    expect(text).toContain("Là đầu mối phối hợp với Bộ Ngoại giao");
  });

  it("'những điểm du lịch nào': the quote starts at the list of sites, not the section's first sentence", async () => {
    const text = await ask("kế hoạch giới thiệu những khu du lịch nào của tỉnh");
    expect(text).toContain("mục II.6");
    expect(text).toContain("Tây Yên Tử");
  });
});

describe("registering a partnership is not a class (Huyện Kon Rẫy)", () => {
  const ask = askOnZalo("kon-ray", "c");

  it("'cán bộ nào lo đăng ký … hợp tác' is a who-question for the plan, not the class list", async () => {
    const text = await ask("cán bộ nào lo đăng ký ký kết hợp tác với nước ngoài");
    expect(text).toMatch(PLAN_CITED);
    expect(text).not.toMatch(/lớp truyền dạy/);
  });
});

describe("an amount of money is answered by an amount or not at all (Phường Tân An)", () => {
  const ask = askOnZalo("tan-an", "m");

  it("'how much money' about the festival is not answered with its frequency; the plan does not say, staff on offer", async () => {
    const en = await ask("How much will the ward spend on the Quan ho festival?");
    expect(en).not.toMatch(/every 0?3 years|năm\/lần/);
    // Neither the ward's plan nor the province's gives a sum: both are named as not saying it.
    expect(en).toMatch(/^My cop(y|ies) of the plan “Kế hoạch thực hiện hội nhập quốc tế về văn hóa trên địa bàn phường Tân An/);
    expect(en).toMatch(/do(es)? not mention this/);
    expect(en).toContain("[Talk to staff]");
    const vi = await ask("phường bỏ ra bao nhiêu tiền để tham gia festival quan họ");
    expect(vi).not.toMatch(/năm\/lần/);
    expect(vi).toContain("chưa đề cập nội dung này");
  });

  it("a count is still answered by the plan's figure", async () => {
    expect(await ask("mỗi tổ dân phố tổ chức bao nhiêu buổi sinh hoạt")).toMatch(/^Con số trong kế hoạch: .*01 buổi sinh hoạt truyền thông\/năm/);
  });
});

describe("a list asked leads with the items the plan names (Huyện Kon Rẫy, Tỉnh Bắc Giang cũ, Tỉnh Bắc Ninh)", () => {
  const askKonRay = askOnZalo("kon-ray", "l");
  const askBacGiang = askOnZalo("bac-giang", "l");
  const askBacNinh = askOnZalo("bac-ninh", "l");

  it("Vietnamese: 'Kế hoạch nêu:' and the names, the open list kept open, then the citation and the quote", async () => {
    const text = await askKonRay("huyện giới thiệu những danh nhân văn hóa nào");
    expect(text).toMatch(/^Kế hoạch nêu: Danh nhân văn hóa Nguyễn Trãi, đại thi hào Nguyễn Du, nhà giáo Chu Văn An …\nTheo Kế hoạch/);
    expect(text).toContain("mục III.5");
  });

  it("English: the names in the plan's Vietnamese, said to be so, then the Vietnamese quote marked as the plan's wording", async () => {
    const text = await askBacGiang("Which countries does the province want to cooperate with on culture?");
    expect(text).toMatch(/^The plan names \(in Vietnamese\): Trung Quốc, Nhật Bản, Hàn Quốc, Lào và các nước thuộc khu vực ASEAN\.\nThe plan's wording \(Vietnamese\):/);
  });

  it("no list lead from a bracket that lists something else ('mục tiêu cụ thể nào': the goals are the bullets)", async () => {
    for (const q of ["ke hoach 220 co nhung muc tieu cu the nao", "What are the specific goals of the province's plan?"]) {
      const text = await askBacNinh(q);
      expect(text, q).not.toMatch(/^(Kế hoạch nêu|The plan names)/);
      expect(text, q).toContain("I.2");
    }
  });
});

describe("'do ai tổ chức': the doer the plan names for that verb (Phường Tân An)", () => {
  const ask = askOnZalo("tan-an", "o");

  it("the festival is organised by the province (III.4), not the ward's row of the appendix; the training by the province's offices", async () => {
    const festival = await ask("festival về miền quan họ do ai tổ chức");
    expect(festival).toMatch(/^Đơn vị tổ chức: UBND tỉnh\.\n/);
    expect(festival).toContain("mục III.4");
    expect(await ask("lớp tập huấn cho cán bộ văn hóa do cơ quan nào tổ chức")).toMatch(/^Đơn vị tổ chức: .*Sở VH TTDL/);
  });

  it("without a doer in the plan's words the lead is still the unit in charge", async () => {
    expect(await ask("ai tổ chức lớp truyền dạy quan họ")).toMatch(/^Cơ quan chủ trì: Phòng Văn Hóa – Xã hội phường\./);
  });
});
