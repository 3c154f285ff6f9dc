import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Registration } from "../../src/domain/registration.js";
import type { Report } from "../../src/domain/report.js";
import type { Knowledge } from "../../src/shared/knowledge.js";
import { knowledgeWithClasses, MessengerPerson, ZaloPerson } from "../helpers/chat.js";
import { fixture, startTestServer, ZALO_API, type TestServer } from "../helpers/test-server.js";

/**
 * One-tap contact (issue 14, item 3): where a dialog needs name and phone, Zalo gets the SDK's request_user_info
 * template (asserted on the body the stubbed Zalo API received); the person's user_submit_info fills the waiting
 * dialog, or is kept for the next one; typing stays possible, on Messenger too.
 */

const CLASS = "lop-giay-do";
let knowledge: Knowledge;
let server: TestServer;

beforeEach(async () => {
  knowledge ??= knowledgeWithClasses([
    { id: CLASS, title: { vi: "Lớp làm giấy dó" }, kind: "craft", capacity: 10, audience: { children: false }, status: "open", source: "Dữ liệu thử nghiệm" },
  ]);
  server = await startTestServer({ PUBLIC_URL: "https://bot.vocuong.example" }, { knowledge });
  server.services.notifier = { notify: async () => undefined };
});
afterEach(async () => {
  await server.stop();
  nock.cleanAll();
});

const reports = () => server.store.collection<Report>("reports").find();
const registrations = () => server.store.collection<Registration>("registrations").find();
const cardsTo = (person: ZaloPerson) => person.bodies.filter((body) => body.message?.attachment?.payload?.template_type === "request_user_info");

/** The person taps the card and shares what Zalo holds for them. */
async function submitInfo(person: ZaloPerson, info: Record<string, string>): Promise<string> {
  const before = person.count;
  const event = { ...fixture<Record<string, unknown>>("zalo/user_submit_info.json"), timestamp: String(Date.now()), sender: { id: person.userId }, info };
  expect((await server.postZalo(event)).status).toBe(200);
  await server.settle();
  return person.textSince(before);
}

/** A report up to its contact step (category and description from the first message, place typed, rest skipped). */
async function reportUpToContact(person: ZaloPerson | MessengerPerson): Promise<string> {
  await person.say("Có người vẽ bậy lên tường đình Đông Xá");
  await person.say("đình Đông Xá");
  await person.tap("dialog:skip");
  return person.tap("dialog:skip");
}

describe("the report's contact step on Zalo", () => {
  it("sends the request_user_info template of the SDK with the card's image, once", async () => {
    const person = new ZaloPerson(server, "card-report");
    const asked = await reportUpToContact(person);
    expect(asked).toContain("họ tên và số điện thoại");
    const [card] = cardsTo(person);
    expect(card).toEqual({
      recipient: { user_id: person.userId },
      message: {
        attachment: {
          type: "template",
          payload: {
            template_type: "request_user_info",
            elements: [{ title: "Chia sẻ tên và số điện thoại", subtitle: expect.stringContaining("một chạm"), image_url: "https://bot.vocuong.example/chat/static/contact-card.png" }],
          },
        },
      },
    });
    // The text question still comes first, with "Ẩn danh" as a button: typing stays possible.
    expect(person.received.at(-2)!.choices.map((c) => c.payload)).toContain("report:anonymous");
    await person.say("Nguyễn Văn An");
    expect(cardsTo(person)).toHaveLength(1);
  });

  it("user_submit_info fills name and phone; the summary follows and the report keeps them", async () => {
    const person = new ZaloPerson(server, "submit-report");
    await reportUpToContact(person);
    const summary = await submitInfo(person, { name: "Nguyễn Văn A", phone: "84912345678", address: "Xuân Ổ A", city: "Bắc Ninh" });
    expect(summary).toContain("Mình đã nhận thông tin bạn chia sẻ: Nguyễn Văn A, 09******78.");
    expect(summary).not.toContain("0912345678");
    expect(summary).toMatch(/Gửi|Sửa/);
    await person.tap("report:submit");
    const [report] = await reports();
    expect(report.contact).toEqual({ anonymous: false, name: "Nguyễn Văn A", phone: "0912345678" });
  });

  it("a share with only a name asks the phone next, typed", async () => {
    const person = new ZaloPerson(server, "submit-name-only");
    await reportUpToContact(person);
    const next = await submitInfo(person, { name: "Lê Thị Hoa" });
    expect(next).toContain("số điện thoại");
    const summary = await person.say("0987 654 321");
    expect(summary).toContain("Lê Thị Hoa");
  });
});

describe("class registration", () => {
  it("user_submit_info at the name step fills name and phone, and the summary follows", async () => {
    const person = new ZaloPerson(server, "submit-class");
    expect(await person.tap(`class:register:${CLASS}`)).toContain("họ và tên");
    expect(cardsTo(person)).toHaveLength(1);
    const summary = await submitInfo(person, { name: "Trần Thị Bình", phone: "0987654321" });
    expect(summary).toContain("09******21");
    await person.tap("reg:submit");
    const [registration] = await registrations();
    expect(registration).toMatchObject({ fullName: "Trần Thị Bình", phone: "0987654321" });
  });

  it("shared before any dialog: kept, said so, and taken by the next dialog (name and phone not asked)", async () => {
    const person = new ZaloPerson(server, "submit-early");
    const kept = await submitInfo(person, { name: "Phạm Văn Cường", phone: "0355123456" });
    expect(kept).toContain("Cảm ơn bạn đã chia sẻ thông tin liên hệ (Phạm Văn Cường, 03******56)");
    const next = await person.tap(`class:register:${CLASS}`);
    expect(next).not.toContain("họ và tên");
    expect(next).toContain("03******56");
    expect(cardsTo(person)).toHaveLength(0);
  });
});

describe("an OA whose card Zalo refuses", () => {
  it("still asks in words, fails nothing and sends the question once; typing works", async () => {
    const bodies: any[] = [];
    nock(ZALO_API)
      .post("/v3.0/oa/message/cs")
      .times(200)
      .reply((_uri, body: any) => {
        bodies.push(body);
        const card = body.message?.attachment?.payload?.template_type === "request_user_info";
        return [200, card ? { error: -201, message: "template not allowed" } : fixture("zalo/api-send-success.json")];
      });
    const userId = "card-refused";
    const base = fixture<Record<string, unknown>>("zalo/user_send_text.json");
    const say = async (text: string) => {
      await server.postZalo({ ...base, timestamp: String(Date.now()), sender: { id: userId }, message: { msg_id: `m-${Math.random()}`, text } });
      await server.settle();
    };
    await say("Có người vẽ bậy lên tường đình Đông Xá");
    await say("đình Đông Xá");
    await say("#dialog:skip");
    await say("#dialog:skip");
    const questions = bodies.filter((body) => String(body.message?.text ?? "").includes("họ tên và số điện thoại"));
    expect(questions).toHaveLength(1);
    expect(bodies.filter((body) => body.message?.attachment?.payload?.template_type === "request_user_info")).toHaveLength(1);
    await say("Nguyễn Văn An 0912345678");
    expect(bodies.some((body) => String(body.message?.text ?? "").includes("09******78"))).toBe(true);
  });
});

describe("Messenger", () => {
  it("has no card: the contact step asks to type, and typing works", async () => {
    const person = new MessengerPerson(server, "ps-contact");
    const asked = await reportUpToContact(person);
    expect(asked).toContain("ví dụ: Nguyễn Văn An 0912345678");
    const summary = await person.say("Nguyễn Văn An 0912345678");
    expect(summary).toContain("09******78");
  });
});
