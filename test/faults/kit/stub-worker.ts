import { parentPort, workerData } from "node:worker_threads";
import { seededRandom } from "../../../src/nlu/seeded-random.js";
import { startPlatformStub, type Fault } from "./platform-stub.js";

/**
 * The platform stub on its own thread (see {@link startFlakyStubThread}): its answers are not delayed by the bot's
 * work in the test process, so a call the stub answered in time is not mistaken for a timeout by the bot.
 */

const { failRate, seed, faults: kinds, refuseListing } = workerData as { failRate: number; seed: number; faults: Fault[]; refuseListing?: ("zalo" | "messenger")[] };
const pick = seededRandom(seed);
const stub = await startPlatformStub({ fault: () => (pick() < failRate ? kinds[Math.floor(pick() * kinds.length)] : "ok"), refuseListing });
parentPort!.on("message", (message: { type: string }) => {
  if (message.type === "snapshot") parentPort!.postMessage({ type: "snapshot", delivered: stub.delivered, staff: stub.staff, faults: stub.faults, refreshes: stub.refreshes });
  if (message.type === "close") void stub.close().then(() => parentPort!.postMessage({ type: "closed" }));
});
parentPort!.postMessage({ type: "ready", url: stub.url });
