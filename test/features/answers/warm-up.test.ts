import { describe, expect, it, vi } from "vitest";
import { warmAnswerPath } from "../../../src/features/answers/index.js";
import { MAX_UNDERSTOOD_CHARS } from "../../../src/nlu/text-limit.js";
import { sharedKnowledge, startTestServer } from "../../helpers/test-server.js";

/**
 * Issue 15, item 1: the first long message after a start-up paid for V8 compiling the answer path (a first
 * 2,000-character question: 67 ms of CPU to understand, 122 ms to answer, against ~10 and ~4 warm). server.warm()
 * now runs that path on made-up messages once the server listens; here: short and long texts, cut as understanding
 * cuts them, and a webhook is never held for the whole warm-up (it waits a turn of the event loop between texts).
 */
describe("warming the answer path", () => {
  it("understands and answers short and long made-up texts, cut as understanding cuts them, a turn of the event loop apart", async () => {
    const knowledge = sharedKnowledge();
    const understood: number[] = [];
    const understand = knowledge.understander.understand.bind(knowledge.understander);
    const spy = vi.spyOn(knowledge.understander, "understand").mockImplementation((text, options) => {
      understood.push(text.length);
      return understand(text, options);
    });
    let turns = 0;
    const ticker = setInterval(() => turns++, 0);
    await warmAnswerPath(knowledge, "2026-12-05", 2);
    clearInterval(ticker);
    spy.mockRestore();
    expect(understood.length).toBe(20);
    expect(Math.max(...understood)).toBeLessThanOrEqual(MAX_UNDERSTOOD_CHARS);
    expect(understood.filter((length) => length > 1_500).length).toBe(10);
    expect(understood.filter((length) => length < 100).length).toBe(10);
    expect(turns).toBeGreaterThan(0);
  });

  it("server.warm() ends with one full garbage collection when node offers it (--expose-gc, as npm start runs), and works without", async () => {
    const server = await startTestServer();
    const holder = globalThis as { gc?: () => void };
    const had = holder.gc;
    try {
      const order: string[] = [];
      const understander = sharedKnowledge().understander; // the test server's
      const understand = understander.understand.bind(understander);
      vi.spyOn(understander, "understand").mockImplementation((text, options) => {
        order.push("understand");
        return understand(text, options);
      });
      holder.gc = () => void order.push("gc");
      await server.warm();
      expect(order.at(-1)).toBe("gc");
      expect(order.filter((step) => step === "gc")).toHaveLength(1);
      expect(order.length).toBeGreaterThan(10);
      holder.gc = undefined;
      await expect(server.warm()).resolves.toBeUndefined();
    } finally {
      holder.gc = had;
      vi.restoreAllMocks();
      await server.stop();
    }
  });
});
