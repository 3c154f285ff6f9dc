import axios, { AxiosError } from "axios";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LEAN_AXIOS } from "../../src/channels/lean-axios.js";

// The clients' axios instances with the lean transport, against a real local server: what is sent, what
// comes back, and errors shaped as axios's own adapter shapes them (the retry rules read them).

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
      if (req.url?.includes("/fail")) {
        res.writeHead(503, { "content-type": "application/json" });
        return void res.end('{"error":"down"}');
      }
      res.writeHead(200, { "content-type": "application/json", "x-answer": "yes" });
      res.end(JSON.stringify({ error: 0, echo: body ? JSON.parse(body) : null }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("lean http adapter", () => {
  const http = () => axios.create({ baseURL: `${base}/v3.0/`, timeout: 200, ...LEAN_AXIOS });

  it("posts JSON with the configured headers and query, and parses the JSON answer", async () => {
    const response = await http().post("/oa/message/cs", { recipient: { user_id: "1" }, message: { text: "Chào bạn — hội Lim" } }, { params: { a: "1 2", b: 3 }, headers: { access_token: "t" } });
    expect(response.status).toBe(200);
    expect(response.data).toEqual({ error: 0, echo: { recipient: { user_id: "1" }, message: { text: "Chào bạn — hội Lim" } } });
    expect(response.headers["x-answer"]).toBe("yes");
    const sent = seen.at(-1)!;
    expect(sent).toMatchObject({ method: "POST", url: "/v3.0/oa/message/cs?a=1+2&b=3" });
    expect(sent.headers).toMatchObject({ access_token: "t", "content-type": "application/json", "content-length": String(Buffer.byteLength(sent.body)) });
    // axios's own adapter would have sent "User-Agent: axios/…": this request went through the lean one.
    expect(sent.headers["user-agent"]).toBeUndefined();
  });

  it("rejects a status the config does not accept with the response attached, and resolves it with validateStatus", async () => {
    const error = await http().get("/fail").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AxiosError);
    expect((error as AxiosError).code).toBe(AxiosError.ERR_BAD_RESPONSE);
    expect((error as AxiosError).response?.status).toBe(503);
    expect((error as AxiosError).response?.data).toEqual({ error: "down" });
    const accepted = await http().get("/fail", { validateStatus: () => true });
    expect(accepted.status).toBe(503);
  });

  it("times out as axios does (ECONNABORTED), and reports a refused connection with its code", async () => {
    const timeout = await http().get("/slow").catch((e: unknown) => e);
    expect((timeout as AxiosError).code).toBe("ECONNABORTED");
    expect((timeout as AxiosError).message).toBe("timeout of 200ms exceeded");
    const refused = await axios.create({ ...LEAN_AXIOS, timeout: 1000 }).get("http://127.0.0.1:1/").catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AxiosError);
    expect((refused as AxiosError).code).toBe("ECONNREFUSED");
  });
});
