import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../helpers/test-server.js";

/** The web chat's frame (title, placeholder, buttons) follows the person's language. */

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ BOT_TODAY: "2026-11-25" });
});
afterAll(async () => {
  await server.stop();
});

const cookieOf = (response: Response) => response.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
const send = (cookie: string, body: Record<string, string>) =>
  fetch(`${server.url}/chat/api/messages`, { method: "POST", headers: { "content-type": "application/json", cookie }, body: JSON.stringify(body) });

describe("web chat frame", () => {
  it("opens in the browser's language, and the first tap is answered in it", async () => {
    const page = await fetch(`${server.url}/chat`, { headers: { "accept-language": "ko-KR,ko;q=0.9,en;q=0.8" } });
    const html = await page.text();
    expect(html).toContain('<html lang="ko">');
    expect(html).toContain("<title>문화 도우미 · 보끄엉 동</title>");
    expect(html).toContain('placeholder="질문을 입력하세요. 예: 올해 림 축제는 언제예요?"');
    expect(html).toContain(">보내기</button>");
    expect(html).toContain('data-choice="menu:festivals">축제</button>');
    const reply = await (await send(cookieOf(page), { choice: "menu:festivals", text: "축제", lang: "ko" })).json();
    expect(reply.frame.lang).toBe("ko");
    expect(reply.replies[0].text).toContain("곧 열리는 축제");
  });

  it("follows a switch: a Chinese question turns the frame Chinese, and the page stays Chinese on reload", async () => {
    const page = await fetch(`${server.url}/chat?lang=vi`);
    const cookie = cookieOf(page);
    expect(await page.text()).toContain('placeholder="Nhập câu hỏi, ví dụ: Hội Lim năm nay ngày nào?"');
    const reply = await (await send(cookie, { text: "林会什么时候", lang: "vi" })).json();
    expect(reply.frame).toMatchObject({ lang: "zh", title: "文化助手", placeholder: "输入问题，例如：林会今年是哪天？", send: "发送" });
    expect(reply.replies[0].text).toContain("2027年2月18日");
    const again = await (await fetch(`${server.url}/chat`, { headers: { cookie } })).text();
    expect(again).toContain('<html lang="zh">');
    expect(again).toContain(">发送</button>");
  });
});
