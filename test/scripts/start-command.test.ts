import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

// What `npm start` runs: the esbuild bundle in dist/, with plain node. Checks that the bundle finds what lives
// outside it (intents/, content/, the web static files) and answers a question end to end.

let child: ChildProcess | undefined;
afterAll(() => {
  child?.kill("SIGTERM");
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("npm start (dist/main.js)", () => {
  it("builds, starts, serves the web chat and its files, and answers a festival question", async () => {
    execFileSync(process.execPath, ["scripts/build.mjs"], { stdio: "pipe" });
    const port = await freePort();
    child = spawn(process.execPath, ["dist/main.js"], {
      env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "warn", STORE: "lowdb", DATA_DIR: mkdtempSync(join(tmpdir(), "start-")), BOT_TODAY: "2026-11-25" },
      stdio: "ignore",
    });
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 150; i++) {
      if (await fetch(`${base}/healthz`).then((r) => r.ok, () => false)) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect((await fetch(`${base}/healthz`)).status).toBe(200);

    const page = await fetch(`${base}/chat`);
    expect(page.status).toBe(200);
    const cookie = page.headers.get("set-cookie")!.split(";")[0];
    expect((await fetch(`${base}/chat/static/chat.js`)).status).toBe(200);

    const answer = await fetch(`${base}/chat/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie },
      body: JSON.stringify({ text: "hội lim năm 2027 ngày nào" }),
    });
    expect(answer.status).toBe(200);
    const { replies } = (await answer.json()) as { replies: { text: string }[] };
    // Hội Lim: 13 tháng Giêng âm lịch; Tết 2027 is 06/02/2027, so the main day is 18/02/2027.
    expect(replies.map((r) => r.text).join("\n")).toMatch(/Hội Lim[\s\S]*18\/02\/2027/);
  }, 60_000);
});
