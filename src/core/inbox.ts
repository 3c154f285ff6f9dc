import type { InboundMessage } from "./message.js";

/** What became of a received message: in line, a repeat, or (with `wait`) handled and its replies handed on. */
export type Received = "queued" | "duplicate" | "handled";

/**
 * Where every channel hands its neutral messages — Zalo, Messenger, the web chat, the terminal chat: the pipeline's
 * one receive path (dedupe by message id, each person's order, the concurrency limit).
 */
export interface Inbox {
  /** Resolves once the message has its place in line; with `wait`, once it is handled (the chats that answer in the same request). */
  receive(message: InboundMessage, options?: { wait?: boolean }): Promise<Received>;
}
