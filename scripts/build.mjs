/**
 * `npm run build` (run by `prestart`): bundles src/main.ts into dist/ so `npm start` runs plain JavaScript.
 *
 * Why: under tsx every module went through a loader thread and a transform, and Node's ESM loader pays per file:
 * start-up to the first /healthz took ≈ 3.5 s under tsx, 1.5 s with one .js per module, ≈ 1.35 s bundled (see
 * BENCHMARKS.md). esbuild only strips types (≈ 0.3 s); `npm run typecheck` is the type check.
 *
 * npm packages stay outside the bundle (loaded from node_modules as usual); `--splitting` keeps each dynamic
 * `import()` a separate chunk, so what the code loads lazily (ioredis, BullMQ and pg for scale-out, LangChain
 * for chat-model wording) is still loaded only when used. Files that are not code (intents/, content/,
 * src/web/static, SQL migrations) are read from the package root (src/package-root.ts), not copied.
 * Plain JavaScript on purpose: it runs before anything is compiled.
 */
import { build } from "esbuild";
import { rmSync } from "node:fs";
import { join } from "node:path";

const ROOT = new URL("..", import.meta.url).pathname;
const OUT = join(ROOT, "dist");

rmSync(OUT, { recursive: true, force: true });
const result = await build({
  entryPoints: [join(ROOT, "src", "main.ts")],
  outdir: OUT,
  bundle: true,
  splitting: true,
  packages: "external",
  format: "esm",
  platform: "node",
  target: "node20",
  sourcemap: "linked",
  metafile: true,
  logLevel: "warning",
});
const chunks = Object.keys(result.metafile.outputs).filter((f) => f.endsWith(".js"));
console.log(`built dist/main.js (${chunks.length} chunks)`);
