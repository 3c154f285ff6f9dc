/**
 * Prints the functions with the most self time in a V8 CPU profile (`node --cpu-prof`).
 * Usage: npx tsx scripts/profile-top.ts profiles/CPU.….cpuprofile [count]
 */
import { readFileSync } from "node:fs";

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number }
const [file, countArg] = process.argv.slice(2);
const profile = JSON.parse(readFileSync(file, "utf8")) as { nodes: ProfileNode[]; samples: number[] };
const hits = new Map<string, number>();
const total = profile.samples.length;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
for (const sample of profile.samples) {
  const node = byId.get(sample)!;
  const name = `${node.callFrame.functionName || "(anonymous)"} ${node.callFrame.url.replace(/^.*\/(node_modules|src)\//, "$1/")}:${node.callFrame.lineNumber + 1}`;
  hits.set(name, (hits.get(name) ?? 0) + 1);
}
for (const [name, count] of [...hits].sort((a, b) => b[1] - a[1]).slice(0, Number(countArg ?? 25))) {
  console.log(`${((count / total) * 100).toFixed(1).padStart(5)}%  ${name}`);
}

// Self time by package or source area, to see where whole layers spend.
const areas = new Map<string, number>();
for (const sample of profile.samples) {
  const node = byId.get(sample)!;
  const url = node.callFrame.url;
  const area = url.includes("node_modules/")
    ? `npm:${/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)![1]}`
    : url.includes("/src/")
      ? `src/${/\/src\/([^/]+)/.exec(url)![1]}`
      : url.startsWith("node:")
        ? `node:${url.slice(5).split("/")[1] ?? url.slice(5)}`
        : node.callFrame.functionName || "(native)";
  areas.set(area, (areas.get(area) ?? 0) + 1);
}
console.log("\nby area:");
for (const [area, count] of [...areas].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${((count / total) * 100).toFixed(1).padStart(5)}%  ${area}`);
