import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Finds (or installs, as root with apt-get) Debian's chromium for the browser tests: test/setup/find-chromium.ts.
    globalSetup: ["test/setup/global-setup.ts"],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Tests share PostgreSQL/Redis and ephemeral ports; files run in parallel but each uses its own data.
    pool: "forks",
    // Vitest's default is one worker fewer than the cores: a single file at a time on a 2-core machine, while many
    // files mostly wait (child bots, Chromium, sockets). Two or more at once fill both cores.
    maxWorkers: Math.max(2, availableParallelism()),
  },
});
