import { describe, expect, it } from "vitest";
import { OwnSends } from "../../src/channels/own-sends.js";
import { MemoryStore } from "../../src/store/memory-store.js";

describe("OwnSends (telling the bot's echoes from a staff member's)", () => {
  it("an id returned by a send is the bot's own; any other id is not", async () => {
    const own = new OwnSends(undefined, "zalo");
    await own.track("person-1", async () => ({ message_id: "m-1" }), (result) => result.message_id);
    expect(await own.isOwn("person-1", "m-1")).toBe(true);
    expect(await own.isOwn("person-1", "m-2")).toBe(false);
  });

  it("an echo that arrives before the send's answer waits for it", async () => {
    const own = new OwnSends(undefined, "zalo");
    let answer!: (value: { message_id: string }) => void;
    const sending = own.track("person-1", () => new Promise<{ message_id: string }>((resolve) => (answer = resolve)), (result) => result.message_id);
    const verdict = own.isOwn("person-1", "m-early");
    setTimeout(() => answer({ message_id: "m-early" }), 20);
    await sending;
    expect(await verdict).toBe(true);
  });

  it("scaled out, an id recorded by one instance is known to another (the store's shared seen list)", async () => {
    const shared = new MemoryStore();
    await new OwnSends(shared, "zalo").track("p", async () => ({ id: "m-9" }), (result) => result.id);
    expect(await new OwnSends(shared, "zalo").isOwn("p", "m-9")).toBe(true);
    // Alone (in memory), another instance would not know it.
    expect(await new OwnSends(undefined, "zalo").isOwn("p", "m-9")).toBe(false);
  });

  it("the ids of one channel are not another's", async () => {
    const store = new MemoryStore();
    await new OwnSends(store, "zalo").track("p", async () => ({ id: "same" }), (result) => result.id);
    expect(await new OwnSends(store, "messenger").isOwn("p", "same")).toBe(false);
  });
});
