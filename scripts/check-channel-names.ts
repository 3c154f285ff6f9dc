/**
 * Nothing outside src/channels names a channel (docs/architecture.md): the dependency rules (.dependency-cruiser.cjs)
 * catch an import of a channel, this catches a channel written out by hand — a name as a value or key ("zalo",
 * `messenger: …`), a channel's own label ("Zalo") or one of its settings (ZALO_…, FB_…). A channel says what the
 * rest shows of it (ChannelRegistry.label, FollowerBroadcast.offer). Sentences written for people may still mention
 * a platform, and the composition root (server.ts, src/app/, src/config.ts) names the channels it wires.
 * A line that must name one for another reason says why with a `names-a-channel:` comment.
 *
 * Part of `npm run check:deps`; prints each place found and exits 1, or prints that none was found.
 *
 * @example npx tsx scripts/check-channel-names.ts [root]   // "no channel named outside src/channels"
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const root = process.argv[2] ?? ".";
const MAY_NAME = [/^src\/channels\//, /^src\/app\//, /^src\/server\.ts$/, /^src\/config\.ts$/];

/** The channels (folders of src/channels with an index.ts) and the labels they declare. */
function channelWords(): string[] {
  const dir = join(root, "src/channels");
  const names = readdirSync(dir).filter((d) => statSync(join(dir, d)).isDirectory() && readdirSync(join(dir, d)).includes("index.ts"));
  const labels: string[] = [];
  for (const name of names) {
    for (const file of readdirSync(join(dir, name)).filter((f) => f.endsWith(".ts"))) {
      for (const m of readFileSync(join(dir, name, file), "utf8").matchAll(/\blabel: "([^"]+)"/g)) labels.push(m[1]);
    }
  }
  // Messenger is Facebook's: its page and its settings (FB_…) carry that name.
  return [...new Set([...names, ...labels, "facebook", "fb"].map((w) => w.toLowerCase()))];
}

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (entry.name.endsWith(".ts")) yield path;
  }
}

/** The text with comments blanked (line for line), so only code is searched. */
function code(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, " "))
    .replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1");
}

const names = channelWords();
const word = names.join("|");
const patterns = [
  // A whole string that is a channel's name or label: "zalo", 'Messenger'.
  new RegExp(`(["'\`])\\s*(${word})\\s*\\1`, "i"),
  // A channel's name as a key or a property: { zalo: … }, status.messenger.
  new RegExp(`(^|[{,\\s])(${word})\\s*:(?!:)|\\.(${word})\\b`, "i"),
  // A channel's settings: ZALO_BROADCAST_ENABLED, FB_APP_SECRET, STAFF_ZALO_USER_IDS.
  new RegExp(`\\b([A-Z0-9]+_)*(${word.toUpperCase()})(_[A-Z0-9]+)+\\b`),
];

const found: string[] = [];
for (const file of sourceFiles(join(root, "src"))) {
  const path = relative(root, file).split("\\").join("/");
  if (MAY_NAME.some((re) => re.test(path))) continue;
  const raw = readFileSync(file, "utf8").split("\n");
  code(raw.join("\n"))
    .split("\n")
    .forEach((line, i) => {
      if (raw[i].includes("names-a-channel:")) return;
      if (patterns.some((re) => re.test(line))) found.push(`${path}:${i + 1}: ${raw[i].trim().slice(0, 120)}`);
    });
}
if (found.length) {
  console.log(`channel named outside src/channels (say it through the channel: ChannelRegistry.label, its own offer, …):\n${found.join("\n")}`);
  process.exit(1);
}
console.log("no channel named outside src/channels");
