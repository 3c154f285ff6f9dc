import type { Recipient } from "./channel.js";
import type { Conversation } from "./conversation.js";
import type { CommitWrite } from "../store/store.js";
import { toReply, type InboundMessage, type Reply, type StartInfo } from "./message.js";

/**
 * What a handler gets for one inbound message (grammY's src/context.ts): the message, the person's
 * conversation, and `reply`. Derived values are getters. Features add their own fields in a subclass
 * (src/shared/app-context.ts), so the core knows nothing of understanding or content.
 *
 * @example bot.on("text", (ctx) => ctx.reply(`Bạn viết: ${ctx.text}`));
 */
export class BotContext {
  /** Everything replied so far for this message: sent once the handler is done and its step is stored. */
  readonly replies: Reply[] = [];
  /** Documents the handler saves with its step (a report, a registration): see `save`. */
  readonly writes: CommitWrite[] = [];
  /** Work to do once the step is stored (telling staff): see `afterCommit`. */
  readonly committed: (() => Promise<void>)[] = [];

  /**
   * What became of this message, set by the feature that handled it: analytics and the misunderstood-twice rule
   * read it. Left unset by what is neither (an unfollow, a flood notice).
   */
  outcome?: Outcome;

  /**
   * The person wrote this before the replies to their previous message reached them (a crash or an outage held them;
   * the pipeline sends them just before this message is handled): this is not an answer to the question they
   * asked, so a dialog does not ask it again when this does not fit — it has just gone out.
   */
  previousRepliesUnseen = false;

  constructor(
    readonly message: InboundMessage,
    readonly conversation: Conversation,
  ) {}

  /**
   * Saves a document together with this message's step: the pipeline writes it in one commit with the conversation
   * and the replies, before any reply leaves (a report whose code the person is sent exists, and vice versa).
   *
   * @example ctx.save("reports", report.code, report);
   */
  save(collection: string, id: string, value: unknown, expectedRevision?: number): void {
    this.writes.push({ collection, id, value, ...(expectedRevision === undefined ? {} : { expectedRevision }) });
  }

  /** Runs `task` once the step is stored (before its replies are sent); a failure is logged, never undoes the step. */
  afterCommit(task: () => Promise<void>): void {
    this.committed.push(task);
  }

  /** The text the person wrote, trimmed; undefined for a choice, a location or attachments alone. */
  get text(): string | undefined {
    const text = this.message.text?.trim();
    return text ? text : undefined;
  }

  /** The payload of a button / quick reply. */
  get choice(): string | undefined {
    return this.message.choice;
  }

  get recipient(): Recipient {
    return { channel: this.message.channel, accountId: this.message.accountId, userId: this.message.userId };
  }

  /** The person's language: Vietnamese unless they write (or choose) English, Chinese or Korean. */
  get language(): NonNullable<Conversation["language"]> {
    return this.conversation.language ?? "vi";
  }

  /** Adds a reply for the person (sent once the handler is done and the step stored), and writes it in the transcript. */
  async reply(reply: string | Reply, options: { transcript?: boolean } = {}): Promise<void> {
    const neutral = toReply(reply);
    this.replies.push(neutral);
    // A reply already in the transcript (a staff reply that waited for the person) is not written twice.
    if (options.transcript !== false) this.conversation.transcript.push({ at: Date.now(), from: "bot", text: neutral.text, extra: neutral.choices?.map((c) => `[${c.title}]`).join(" ") });
  }
}

/**
 * What a feature made of a message: `answered` (a reply that helps), `unanswered` (the bot could not help: the
 * fallback, out of scope), `in_dialog` (a dialog step took it), `handed_off` (staff answer; the bot is silent).
 */
export type Outcome = "answered" | "unanswered" | "in_dialog" | "handed_off";

// ===  Filters  ===

/** Neutral filter queries for `bot.on(...)`. */
export interface BotFilterMap<C extends BotContext> {
  message: C;
  text: C & { readonly text: string };
  choice: C & { readonly choice: string };
  location: C & { readonly message: InboundMessage & { location: NonNullable<InboundMessage["location"]> } };
  attachments: C;
  follow: C;
  unfollow: C;
  start: C & { readonly message: InboundMessage & { start: StartInfo } };
  submit_info: C & { readonly message: InboundMessage & { info: Record<string, string> } };
}
export type BotFilterQuery = keyof BotFilterMap<BotContext>;

const PREDICATES: Record<BotFilterQuery, (ctx: BotContext) => boolean> = {
  message: (ctx) => ctx.message.kind === "message",
  text: (ctx) => ctx.message.kind === "message" && ctx.text !== undefined && ctx.choice === undefined,
  choice: (ctx) => ctx.choice !== undefined,
  location: (ctx) => ctx.message.location !== undefined,
  attachments: (ctx) => ctx.message.attachments.length > 0,
  follow: (ctx) => ctx.message.kind === "follow",
  start: (ctx) => ctx.message.kind === "start" && ctx.message.start !== undefined,
  unfollow: (ctx) => ctx.message.kind === "unfollow",
  submit_info: (ctx) => ctx.message.kind === "submit_info" && ctx.message.info !== undefined,
};

/** A predicate for a neutral query. */
export function matchBotFilter(query: BotFilterQuery): (ctx: BotContext) => boolean {
  const predicate = PREDICATES[query];
  if (!predicate) throw new Error(`Unknown filter query "${query}"`);
  return predicate;
}
