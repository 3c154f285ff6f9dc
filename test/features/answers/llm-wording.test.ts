import nock from "nock";
import { afterEach, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../../src/config.js";
import { messengerText, recordGraphSends, startTestServer, type TestServer } from "../../helpers/test-server.js";

const LLM = "http://llm.test:8080";

describe("optional wording of plan answers by a chat model", () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.stop();
    nock.cleanAll();
  });

  it("is off by default, and a half-configured provider stops start-up naming the variable", () => {
    expect(loadConfig({}).LLM_PROVIDER).toBe("none");
    expect(() => loadConfig({ LLM_PROVIDER: "openai-compatible", LLM_BASE_URL: LLM })).toThrow(ConfigError);
    expect(() => loadConfig({ LLM_PROVIDER: "openai-compatible", LLM_BASE_URL: LLM })).toThrow(/LLM_MODEL/);
  });

  it("words the answer from the retrieved passages only, shows typing first, and keeps the citation", async () => {
    server = await startTestServer({ LLM_PROVIDER: "openai-compatible", LLM_BASE_URL: `${LLM}/v1`, LLM_MODEL: "test-model", LLM_API_KEY: "k-123" });
    let prompt: any;
    let auth: string | undefined;
    nock(LLM)
      .post("/v1/chat/completions")
      .reply(function (_uri, body) {
        prompt = body;
        auth = this.req.headers.authorization as string;
        return [200, { choices: [{ message: { role: "assistant", content: "Kế hoạch đặt mục tiêu số hóa dữ liệu di tích, lễ hội trên địa bàn phường." } }] }];
      });
    const sent = recordGraphSends();
    await server.postMessenger(messengerText("kế hoạch có số hóa dữ liệu di tích không", "llm-user"));
    await server.settle();
    expect(auth).toBe("Bearer k-123");
    expect(prompt.model).toBe("test-model");
    expect(prompt.messages[0].role).toBe("system");
    expect(prompt.messages[0].content).toContain("CHỈ được trả lời dựa trên các trích dẫn");
    expect(prompt.messages[1].content).toContain("Câu hỏi của người dân: kế hoạch có số hóa dữ liệu di tích không");
    expect(sent[0].body.sender_action).toBe("typing_on");
    const text = sent.map((s) => s.body.message?.text ?? "").join("\n");
    expect(text).toContain("Kế hoạch đặt mục tiêu số hóa dữ liệu di tích");
    expect(text).toMatch(/mục [IVX]+/); // the citation is kept even if the model leaves it out
  });

  it("falls back to the plan's own words when the model fails", async () => {
    server = await startTestServer({ LLM_PROVIDER: "openai-compatible", LLM_BASE_URL: `${LLM}/v1`, LLM_MODEL: "test-model" });
    nock(LLM).post("/v1/chat/completions").reply(500, "down");
    const sent = recordGraphSends();
    await server.postMessenger(messengerText("kế hoạch có số hóa dữ liệu di tích không", "llm-user-2"));
    await server.settle();
    const text = sent.map((s) => s.body.message?.text ?? "").join("\n");
    expect(text).toMatch(/Theo Kế hoạch .*mục [IVX]+/);
  });
});
