import { Writable } from "node:stream";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { isPolicyRequest } from "../../src/privacy/policy-request.js";
import { MessengerPerson, ZaloPerson } from "../helpers/chat.js";
import { serverPerTest, startTestServer } from "../helpers/test-server.js";

/**
 * Without PUBLIC_URL the bot has no absolute address for its privacy page, and a relative link means nothing on Zalo
 * or Messenger: the notice tells people to write “chính sách dữ liệu” instead, the bot then sends the policy's text
 * in the chat, and start-up warns. With PUBLIC_URL the same command also gives the page's link.
 */

const each = serverPerTest();

/** Files a report up to the contact question; returns what the bot said there (the notice and the question). */
async function untilContact(person: ZaloPerson | MessengerPerson): Promise<string> {
  await person.say("Có người vẽ bậy lên tường đình Đông Xá");
  await person.say("đình Đông Xá");
  await person.tap("dialog:skip");
  return person.tap("dialog:skip");
}

describe("the privacy notice without PUBLIC_URL", () => {
  it("on Zalo: no link, the words to write; writing them sends the policy's text, and the report goes on", async () => {
    const person = new ZaloPerson(each.server, "2512523625412518101");
    const asked = await untilContact(person);
    expect(asked).toContain("Chi tiết: nhắn “chính sách dữ liệu” để mình gửi toàn văn");
    expect(asked).not.toMatch(/\/privacy|https?:\/\//);

    const policy = await person.say("chính sách dữ liệu");
    expect(policy).toContain("Bảo vệ dữ liệu cá nhân – Phòng Văn hóa - Xã hội phường Võ Cường");
    expect(policy).toContain("Lịch sử trò chuyện được tự động xóa sau 180 ngày");
    expect(policy).toContain("91/2025/QH15");
    expect(policy).toContain("Nhắn “xóa dữ liệu của tôi”");
    expect(policy).not.toMatch(/\/privacy|https?:\/\/|\{(office|days|link)\}/);
    expect(policy).toContain("Bạn trả lời tiếp câu hỏi lúc nãy nhé.");
    expect(policy).not.toContain("chưa hiểu");
    // The report's contact step still waits: name and phone are taken.
    expect(await person.say("Trần Văn Bảy 0912345678")).toMatch(/Trần Văn Bảy|09\*+78/);
  });

  it("on Messenger in English", async () => {
    const person = new MessengerPerson(each.server, "7012345678909101");
    await person.say("hello, I speak English");
    const policy = await person.say("privacy policy");
    expect(policy).toContain("Personal data protection");
    expect(policy).toContain("deleted automatically after 180 days");
    expect(policy).not.toMatch(/https?:\/\//);
  });

  it("is recognised as people write it, and not for erasure or longer questions", () => {
    for (const text of ["chính sách dữ liệu", "Chinh sach du lieu", "xem chính sách bảo vệ dữ liệu cá nhân", "quyền riêng tư", "chính sách bảo mật", "Privacy policy", "privacy", "data protection policy"]) {
      expect(isPolicyRequest(text), text).toBe(true);
    }
    for (const text of ["xóa dữ liệu của tôi", "delete my data", "chính sách hỗ trợ du lịch của tỉnh", "kế hoạch bảo vệ di sản", "dữ liệu"]) {
      expect(isPolicyRequest(text), text).toBe(false);
    }
  });

  it("start-up warns once that links cannot be absolute", async () => {
    const lines: string[] = [];
    const logger = pino({ level: "warn" }, new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) }));
    const server = await startTestServer({}, { logger });
    await server.stop();
    expect(lines.filter((line) => line.includes("PUBLIC_URL is not set"))).toHaveLength(1);
    const withUrl: string[] = [];
    const other = await startTestServer({ PUBLIC_URL: "https://vanhoa.example.vn" }, { logger: pino({ level: "warn" }, new Writable({ write: (chunk, _enc, done) => (withUrl.push(String(chunk)), done()) })) });
    await other.stop();
    expect(withUrl.some((line) => line.includes("PUBLIC_URL"))).toBe(false);
  });
});

describe("the policy command with PUBLIC_URL", () => {
  const linked = serverPerTest({ PUBLIC_URL: "https://vanhoa.example.vn/" });
  it("sends the text and the page's absolute link", async () => {
    const person = new ZaloPerson(linked.server, "2512523625412518102");
    expect(await untilContact(person)).toContain("Chi tiết: https://vanhoa.example.vn/privacy/vo-cuong");
    const policy = await person.say("chính sách dữ liệu");
    expect(policy).toContain("Bảo vệ dữ liệu cá nhân");
    expect(policy).toContain("Trang web: https://vanhoa.example.vn/privacy/vo-cuong");
  });
});
