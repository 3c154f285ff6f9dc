/**
 * Prints the functions with the most self time in a V8 CPU profile (`node --cpu-prof`), then the same by package
 * or source area, then (with --inclusive) the functions of ours with the most total time, callees included.
 * Usage: npx tsx scripts/profile-top.ts profiles/CPU.….cpuprofile [count] [--last SECONDS] [--inclusive]
 * `--last 8` keeps only the samples of the last 8 seconds (the load phase, without start-up).
 */
import { readFileSync } from "node:fs";

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] }
const argv = process.argv.slice(2);
const flag = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv.splice(i, 2)[1] : undefined;
};
const lastSeconds = Number(flag("--last") ?? 0);
const inclusive = argv.includes("--inclusive");
const [file, countArg] = argv.filter((a) => !a.startsWith("--"));
const count = Number(countArg ?? 25);
const profile = JSON.parse(readFileSync(file, "utf8")) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

// Sample times (µs from the start), to keep only the last seconds.
let t = 0;
const times = profile.timeDeltas.map((d) => (t += d));
const cutoff = lastSeconds > 0 ? t - lastSeconds * 1e6 : -Infinity;
const samples = profile.samples.filter((_, i) => times[i] >= cutoff);
const total = samples.length;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const nameOf = (node: ProfileNode) => `${node.callFrame.functionName || "(anonymous)"} ${node.callFrame.url.replace(/^.*\/(node_modules|src|dist)\//, "$1/")}:${node.callFrame.lineNumber + 1}`;
const pct = (n: number) => `${((n / total) * 100).toFixed(1).padStart(5)}%`;

const hits = new Map<string, number>();
for (const sample of samples) {
  const name = nameOf(byId.get(sample)!);
  hits.set(name, (hits.get(name) ?? 0) + 1);
}
console.log(`${total} samples${lastSeconds > 0 ? ` (last ${lastSeconds} s)` : ""}`);
for (const [name, n] of [...hits].sort((a, b) => b[1] - a[1]).slice(0, count)) console.log(`${pct(n)}  ${name}`);

// Self time by package or source area, to see where whole layers spend.
const areas = new Map<string, number>();
for (const sample of samples) {
  const node = byId.get(sample)!;
  const url = node.callFrame.url;
  const area = url.includes("node_modules/")
    ? `npm:${/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)![1]}`
    : url.includes("/src/")
      ? `src/${/\/src\/([^/]+)/.exec(url)![1]}`
      : url.includes("/dist/")
        ? "ours (dist)"
        : url.startsWith("node:")
          ? `node:${url.slice(5).split("/")[1] ?? url.slice(5)}`
          : node.callFrame.functionName || "(native)";
  areas.set(area, (areas.get(area) ?? 0) + 1);
}
console.log("\nby area:");
for (const [area, n] of [...areas].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${pct(n)}  ${area}`);

if (inclusive) {
  // Total time per function (each function counted once per sample, however deep it recurses).
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const totals = new Map<string, number>();
  for (const sample of samples) {
    const seen = new Set<string>();
    for (let id: number | undefined = sample; id !== undefined; id = parent.get(id)) {
      const name = nameOf(byId.get(id)!);
      if (!seen.has(name)) {
        seen.add(name);
        totals.set(name, (totals.get(name) ?? 0) + 1);
      }
    }
  }
  console.log("\ninclusive (callees included):");
  for (const [name, n] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, count * 2)) console.log(`${pct(n)}  ${name}`);
}
