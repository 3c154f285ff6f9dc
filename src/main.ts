import { ConfigError, loadConfig } from "./config.js";
import { createApp } from "./server.js";

/** Starts the server: `npm start`. Reads .env when present (Node's own loader; no dotenv needed). */
async function main(): Promise<void> {
  try {
    process.loadEnvFile?.(".env");
  } catch {
    // No .env: the environment alone configures the bot.
  }
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const started = performance.now();
  const server = await createApp(config);
  const listener = server.app.listen(config.PORT, config.HOST, () => {
    const address = listener.address();
    const port = typeof address === "object" && address ? address.port : config.PORT;
    server.logger.info({ port, store: config.STORE, startupMs: Math.round(performance.now() - started) }, `listening on http://localhost:${port} (web chat: /chat)`);
    // Read the stored data, build the plan index and warm the answer path now, while nobody is waiting, rather than on
    // the first messages.
    void server.store.preload?.().catch((error: unknown) => server.logger.error({ err: error }, "preloading the store failed"));
    setImmediate(() => void server.warm().catch((error: unknown) => server.logger.error({ err: error }, "warming the answer path failed")));
  });
  const stop = async (signal: string) => {
    server.logger.info({ signal }, "stopping: finishing queued messages and flushing the store");
    listener.close();
    await server.close();
    process.exit(0);
  };
  process.once("SIGTERM", () => void stop("SIGTERM"));
  process.once("SIGINT", () => void stop("SIGINT"));
}

void main();
