import { createInterface } from "node:readline";
import pino from "pino";
import { loadConfig } from "../config.js";
import type { Choice, InboundMessage } from "../core/message.js";
import { createLogger } from "../logger.js";
import { createApp } from "../server.js";
import { MemoryStore } from "../store/memory-store.js";

/**
 * `npm run chat`: talk to the bot in the terminal through the same receive path as every channel (channel "cli").
 * Interactive on a terminal; otherwise one message per line on stdin, and for each the bot's whole reply
 * (choices as `[1] Lễ hội`), then a line `---`. A number picks a choice of the last reply.
 *
 * Options: `--user ID` (who is talking, default "cli-user"), `--persist` (use the configured store
 * instead of a fresh one in memory), `--account ID` (which OA/page the messages are for, picks the pack).
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const index = args.indexOf(name);
    return index >= 0 ? args[index + 1] : undefined;
  };
  const userId = option("--user") ?? "cli-user";
  const accountId = option("--account") ?? "cli";
  try {
    process.loadEnvFile?.(".env");
  } catch {
    // no .env
  }
  const config = loadConfig({ ...process.env, PORT: "0" });
  // Logs go to stderr so stdout holds only the conversation.
  const logger = createLogger(process.env.LOG_LEVEL ?? "warn", pino.destination(2));
  const server = await createApp(config, { logger, store: args.includes("--persist") ? undefined : new MemoryStore() });
  let lastChoices: Choice[] = [];
  let counter = 0;

  const send = async (line: string) => {
    const text = line.trim();
    if (!text) return;
    const picked = /^\d+$/.test(text) ? lastChoices[Number(text) - 1] : undefined;
    const message: InboundMessage = {
      id: `cli-${Date.now()}-${++counter}`,
      channel: "cli",
      accountId,
      userId,
      kind: "message",
      text: picked ? picked.title : text,
      choice: picked?.payload,
      attachments: [],
      timestamp: Date.now(),
    };
    await server.pipeline.receive(message, { wait: true });
    const replies = await server.local.cli.take(userId);
    lastChoices = [];
    for (const reply of replies) {
      process.stdout.write(`${reply.text}\n`);
      for (const link of reply.links ?? []) process.stdout.write(`${link.title}: ${link.url}\n`);
      for (const image of reply.images ?? []) process.stdout.write(`[ảnh] ${image.url}\n`);
      for (const choice of reply.choices ?? []) {
        lastChoices.push(choice);
        process.stdout.write(`[${lastChoices.length}] ${choice.title}\n`);
      }
    }
    process.stdout.write("---\n");
  };

  const interactive = process.stdin.isTTY;
  const rl = createInterface({ input: process.stdin, terminal: interactive });
  if (interactive) {
    process.stdout.write("Trợ lý văn hóa — gõ tin nhắn (Ctrl+D để thoát). Gõ số để chọn một lựa chọn.\n> ");
  }
  for await (const line of rl) {
    await send(line);
    if (interactive) process.stdout.write("> ");
  }
  await server.close();
}

void main();
