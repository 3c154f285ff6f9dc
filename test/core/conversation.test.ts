import { describe, expect, it } from "vitest";
import { ConversationRepository, type Conversation } from "../../src/core/conversation.js";
import type { DialogState } from "../../src/dialogs/dialog.js";
import { MemoryStore } from "../../src/store/memory-store.js";

/** A dialog waiting at `step` (the state a handler saves). */
const dialogAt = (step: string): DialogState => ({ name: "report", step, data: {}, startedAt: 0, updatedAt: 0 });

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

describe("ConversationRepository.update (writes from outside the person's turn)", () => {
  it("never undoes what the handler saved between its read and its write", async () => {
    const store = new MemoryStore();
    const conversations = new ConversationRepository(store);
    const first = await conversations.load("zalo", "oa", "u1");
    first.state.dialog = dialogAt("location");
    await conversations.save(first);

    // The staff reply reads the conversation, then the handler saves a new dialog step before the reply writes.
    const collection = store.collection<Conversation>("conversations");
    const get = collection.get.bind(collection);
    let reads = 0;
    let handlerSaved!: () => void;
    const afterHandler = new Promise<void>((resolve) => (handlerSaved = resolve));
    const slowStore = {
      ...store,
      collection: <T>(name: string) => {
        const inner = store.collection<T>(name);
        return {
          ...inner,
          get: async (id: string) => {
            const doc = (await get(id)) as T | undefined;
            if (reads++ === 0) await afterHandler; // the first read (the staff reply's) is overtaken by the handler
            return doc;
          },
        };
      },
    } as MemoryStore;
    const staffSide = new ConversationRepository(slowStore);
    const appending = staffSide.append(first.key, { at: 5, from: "staff", text: "Cán bộ trả lời" });

    const handling = await conversations.load("zalo", "oa", "u1");
    handling.state.dialog = dialogAt("evidence");
    handling.transcript.push({ at: 4, from: "person", text: "ở đình làng" });
    await conversations.save(handling);
    handlerSaved();
    await appending;

    const saved = (await conversations.get(first.key))!;
    expect(saved.state.dialog).toEqual(dialogAt("evidence"));
    expect(saved.transcript.map((line) => line.text)).toEqual(["ở đình làng", "Cán bộ trả lời"]);
    expect(reads).toBe(2); // the stale copy was refused and read again
  });

  it("reports a conversation that does not exist and writes nothing", async () => {
    const store = new MemoryStore();
    const conversations = new ConversationRepository(store);
    expect(await conversations.update("zalo:oa:nobody", (c) => void c.transcript.push({ at: 1, from: "staff", text: "x" }))).toBe(false);
    expect(await conversations.get("zalo:oa:nobody")).toBeUndefined();
  });
});
