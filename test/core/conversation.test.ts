import { describe, expect, it } from "vitest";
import { ConversationRepository } from "../../src/core/conversation.js";
import { MemoryStore } from "../../src/store/memory-store.js";

describe("ConversationRepository", () => {
  it("keeps a line another writer appended while a message was being handled", async () => {
    const conversations = new ConversationRepository(new MemoryStore());
    const first = await conversations.load("zalo", "oa", "u1");
    first.transcript.push({ at: 1, from: "person", text: "xin chào" });
    await conversations.save(first);

    const handling = await conversations.load("zalo", "oa", "u1"); // the pipeline holds this copy
    await conversations.append(first.key, { at: 3, from: "staff", text: "Cán bộ trả lời" }); // meanwhile, the console
    handling.transcript.push({ at: 2, from: "person", text: "cho hỏi" }, { at: 4, from: "bot", text: "Dạ" });
    await conversations.save(handling);

    const saved = await conversations.get(first.key);
    expect(saved!.transcript.map((line) => line.text)).toEqual(["xin chào", "cho hỏi", "Cán bộ trả lời", "Dạ"]);
  });
});
