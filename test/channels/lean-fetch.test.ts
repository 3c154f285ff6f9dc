import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { leanFetch } from "../../src/channels/lean-fetch.js";

// The platform clients' transport against a real local server: what is sent, what comes back, how it fails.

let server: Server;
let base: string;
const seen: { method?: string; url?: string; headers: IncomingMessage["headers"]; body: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      seen.push({ method: req.method, url: req.url, headers: req.headers, body });
      if (req.url?.includes("/slow")) return void setTimeout(() => res.end("{}"), 500);
      res.writeHead(req.url?.includes("/fail") ? 503 : 200, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: 0, echo: body }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("leanFetch", () => {
  it("posts a string body with its headers and content-length, and gives back status and text", async () => {
    const body = JSON.stringify({ message: { text: "Chào bạn — hội Lim" } });
    const response = await leanFetch(`${base}/v3.0/oa/message/cs?a=1`, { method: "POST", headers: { access_token: "t", "content-type": "application/json" }, body, timeoutMs: 1000 });
    expect(response.status).toBe(200);
    expect(JSON.parse(await response.text())).toEqual({ error: 0, echo: body });
    const sent = seen.at(-1)!;
    expect(sent).toMatchObject({ method: "POST", url: "/v3.0/oa/message/cs?a=1", body });
    expect(sent.headers).toMatchObject({ access_token: "t", "content-length": String(Buffer.byteLength(body)) });
    // undici would have sent "user-agent: node": this request went through http.request.
    expect(sent.headers["user-agent"]).toBeUndefined();
  });

  it("passes any status through; rejects when the socket stays silent for timeoutMs, on abort, and on a refused connection", async () => {
    expect((await leanFetch(`${base}/fail`, { method: "GET", headers: {}, timeoutMs: 1000 })).status).toBe(503);
    await expect(leanFetch(`${base}/slow`, { method: "GET", headers: {}, timeoutMs: 50 })).rejects.toThrow("timeout of 50ms exceeded");
    await expect(leanFetch(`${base}/slow`, { method: "GET", headers: {}, signal: AbortSignal.timeout(50), timeoutMs: 1000 })).rejects.toThrow();
    await expect(leanFetch("http://127.0.0.1:1/", { method: "GET", headers: {}, timeoutMs: 1000 })).rejects.toMatchObject({ code: "ECONNREFUSED" });
  });

  it("hands multipart bodies to the global fetch", async () => {
    const form = new FormData();
    form.append("file", new Blob(["abc"]), "a.txt");
    const response = await leanFetch(`${base}/upload`, { method: "POST", headers: {}, body: form, timeoutMs: 1000 });
    expect(response.status).toBe(200);
    expect(seen.at(-1)!.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
  });
});
