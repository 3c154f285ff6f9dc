/**
 * Heap bytes `run` allocates, collected or not, from V8's sampling heap profiler (one sample per `interval` bytes on
 * average): a figure that, unlike CPU time, does not move with the machine's load. For the benchmarks.
 *
 * @example const bytes = await allocatedBytes(async () => { for (const q of questions) await answer(q); });
 */
import { Session } from "node:inspector";

interface SamplingNode {
  selfSize: number;
  children: SamplingNode[];
}

export async function allocatedBytes(run: () => Promise<void>, interval = 256): Promise<number> {
  const session = new Session();
  session.connect();
  const post = <T>(method: string, params?: object) =>
    new Promise<T>((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result as T))));
  await post("HeapProfiler.startSampling", { samplingInterval: interval, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  await run();
  const { profile } = await post<{ profile: { head: SamplingNode } }>("HeapProfiler.stopSampling");
  session.disconnect();
  const total = (node: SamplingNode): number => node.selfSize + node.children.reduce((sum, child) => sum + total(child), 0);
  return total(profile.head);
}
