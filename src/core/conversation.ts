import { revisionOf, type CommitWrite, type Store } from "../store/store.js";
import { updateDocument } from "../store/update-document.js";
import { dropWholeTexts, type FullText } from "./transcript-text.js";

/**
 * A person's conversation with the bot: who they are, their language, the recent transcript (for staff)
 * and per-feature state (dialogs, handoff) that must survive a restart.
 */

/** One line of the transcript. */
export interface TranscriptLine {
  at: number;
  from: "person" | "bot" | "staff";
  text: string;
  /** Extras shown to staff: attachment URLs, a location, a choice. */
  extra?: string;
  /** A message longer than `text` shows: where the whole is stored (transcript-text.ts). */
  full?: FullText;
}

export interface Conversation {
  /** `channel:accountId:userId`. */
  key: string;
  channel: string;
  accountId: string;
  userId: string;
  /** The language the bot speaks with the person (detected from what they write, or chosen). */
  language?: "vi" | "en" | "zh" | "ko";
  firstSeenAt: number;
  /** When the person last wrote (the channels' messaging windows count from it). */
  lastInboundAt?: number;
  /** Recent lines, oldest first, bounded. */
  transcript: TranscriptLine[];
  /** Feature state by feature name (e.g. `dialog`, `handoff`); each feature owns its key (see ConversationState). */
  state: ConversationState;
  /** Counts saves: a save that finds another number stored knows someone else saved meanwhile (absent: never saved). */
  revision?: number;
  /** Ids of the latest messages whose step was stored: a redelivery of one is not applied again (pipeline.ts). */
  applied?: string[];
  /**
   * Id of the latest message whose step had replies (their outbox entry is that message's): what "the replies to the
   * previous message still unsent" means. Not the last applied id: a repeat of an unanswered message is applied with
   * no replies of its own, and the question it waits for is still the earlier message's (pipeline.ts).
   */
  lastAnswered?: string;
}

/**
 * What features keep in a conversation, one key per feature. Empty here: each feature declares its own key by
 * declaration merging (as Hono's ContextVariableMap or grammY's SessionFlavor), so reads need no casts and two
 * features cannot quietly share a key.
 *
 * @example
 * declare module "../../core/conversation.js" {
 *   interface ConversationState {
 *     flood?: FloodState;
 *   }
 * }
 */
// eslint-disable-next-line @typescript-eslint/no-empty-interface -- filled by declaration merging
export interface ConversationState {}

/** How many message ids `applied` keeps per person. */
export const APPLIED_LIMIT = 20;

/** How many transcript lines are kept per person. */
export const TRANSCRIPT_LIMIT = 200;
/** Builds the key of a person. */
export function conversationKey(channel: string, accountId: string, userId: string): string {
  return `${channel}:${accountId}:${userId}`;
}

/**
 * Loads and saves conversations in the store's `conversations` collection.
 *
 * @example const conversation = await conversations.load("zalo", oaId, userId);
 */
export class ConversationRepository {
  constructor(private readonly store: Store) {}

  get collection() {
    return this.store.collection<Conversation>("conversations");
  }

  async load(channel: string, accountId: string, userId: string): Promise<Conversation> {
    const key = conversationKey(channel, accountId, userId);
    return (await this.collection.get(key)) ?? { key, channel, accountId, userId, firstSeenAt: Date.now(), transcript: [], state: {} };
  }

  get(key: string): Promise<Conversation | undefined> {
    return this.collection.get(key);
  }

  /**
   * Saves the conversation being handled (the handler owns it for the person's turn), with `writes` in the same
   * commit (Store.commit: all or nothing, on disk before it resolves). Lines written meanwhile by
   * someone else (a staff reply, a notice sent while this message was being handled) are kept: they are merged in by
   * time rather than overwritten. The write is conditional on the revision loaded, so the usual save (nobody else
   * wrote) is one write and no read. Outside a person's turn, use `update`.
   */
  async save(conversation: Conversation, writes: CommitWrite[] = []): Promise<void> {
    for (;;) {
      const dropped = keepRecent(conversation);
      const expected = revisionOf(conversation);
      const next = { ...conversation, revision: expected + 1 };
      if (await this.store.commit([{ collection: "conversations", id: conversation.key, value: next, expectedRevision: expected }, ...writes])) {
        conversation.revision = expected + 1;
        // The whole texts of lines that left the transcript go after them (a crash in between leaves a text no line
        // points to, which the retention removes in time; never a line without its text).
        await dropWholeTexts(this.store, conversation.key, dropped);
        return;
      }
      conversation.transcript = [...dropped, ...conversation.transcript];
      // Saved by someone else since we loaded it: take their lines and their revision, and write again.
      const stored = await this.collection.get(conversation.key);
      if (revisionOf(stored) === expected) throw new Error(`A document saved with the conversation ${conversation.key} was changed meanwhile`);
      if (stored) conversation.transcript = mergeTranscripts(conversation.transcript, stored.transcript);
      conversation.revision = revisionOf(stored);
    }
  }

  /**
   * Changes a stored conversation from outside its person's turn (a staff reply, a notice, the console closing a
   * handoff): loads it, applies `change`, and writes it only if nobody saved it meanwhile; otherwise loads it again
   * and applies `change` to the newer copy. So the change never undoes what the handler saved in between (its
   * dialog state, its lines), as saving a stale copy would. Returns false when there is no such conversation.
   *
   * @example await conversations.update(key, (c) => void delete c.state.handoff);
   */
  async update(key: string, change: (conversation: Conversation) => void): Promise<boolean> {
    let dropped: TranscriptLine[] = [];
    const saved = await updateDocument(this.collection, key, (stored) => {
      if (!stored) return undefined;
      change(stored);
      dropped = keepRecent(stored);
      return stored;
    });
    // After the line left (a crash in between leaves a text no line points to, never a line without its text).
    if (saved !== undefined) await dropWholeTexts(this.store, key, dropped);
    return saved !== undefined;
  }

  /** Adds a line: for lines written outside a message's handling (staff replies, notices). */
  async append(key: string, line: TranscriptLine): Promise<void> {
    await this.update(key, (conversation) => void conversation.transcript.push(line));
  }
}

/** Drops the oldest lines beyond TRANSCRIPT_LIMIT; returns them. */
function keepRecent(conversation: Conversation): TranscriptLine[] {
  if (conversation.transcript.length <= TRANSCRIPT_LIMIT) return [];
  const dropped = conversation.transcript.slice(0, -TRANSCRIPT_LIMIT);
  conversation.transcript = conversation.transcript.slice(-TRANSCRIPT_LIMIT);
  return dropped;
}

/** Our lines plus any of theirs we do not have, in time order (stable for equal times). */
export function mergeTranscripts(ours: TranscriptLine[], theirs: TranscriptLine[]): TranscriptLine[] {
  const key = (line: TranscriptLine) => `${line.at}|${line.from}|${line.text}`;
  const known = new Set(ours.map(key));
  const missing = theirs.filter((line) => !known.has(key(line)));
  if (missing.length === 0) return ours;
  return [...ours, ...missing].map((line, index) => ({ line, index })).sort((a, b) => a.line.at - b.line.at || a.index - b.index).map(({ line }) => line);
}
