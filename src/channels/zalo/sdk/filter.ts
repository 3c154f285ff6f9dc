import type { Context } from "./context.js";
import {
  OA_ECHO_EVENTS,
  type AnyUserMessageEvent,
  type ZaloEvent,
  type ZaloEventName,
  type ZaloUserMessageName,
} from "./events.js";

/**
 * Filter queries for `bot.on(...)`, after grammY's src/filter.ts: the one object `FILTER_QUERIES` holds a type
 * guard per query. It is both the runtime check and, through the guards' types, the list of legal queries and
 * the event each lets through — so `bot.on("user_send_imgae", …)` does not compile, and in
 * `bot.on("user_send_image", (ctx) => …)` the attachments are not optional.
 *
 * Queries: every event name (`"user_send_text"`, `"follow"`, `"user_submit_info"`, `"oa_send_text"`, …);
 * `"message"` for any message a person sent; `"oa_echo"` for anything the OA sent; and what a person's message
 * holds: `":text"`, `":image"` (image or gif), `":location"`, `":link"`, `":file"`, `":sticker"`, `":audio"`,
 * `":video"`, `":attachments"`.
 */

// ===  Guards  ===

type Guard<E extends ZaloEvent> = (event: ZaloEvent) => event is E;
type Named<N extends ZaloEventName> = Extract<ZaloEvent, { event_name: N }>;

const USER_MESSAGES: readonly ZaloUserMessageName[] = [
  "user_send_text",
  "user_send_image",
  "user_send_gif",
  "user_send_link",
  "user_send_sticker",
  "user_send_location",
  "user_send_file",
  "user_send_audio",
  "user_send_video",
];

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Whether an event has the shape its type promises (Zalo's payloads are trusted, but a handler should never
 * see `message` missing on a message event): who it is from, and the text or the attachments it holds.
 */
function wellFormed(event: ZaloEvent): boolean {
  const raw = event as unknown as Record<string, unknown>;
  if (event.event_name === "follow" || event.event_name === "unfollow") return isObject(raw.follower);
  if (event.event_name === "user_click_chatnow") return typeof raw.user_id === "string";
  if (!isObject(raw.sender) || !isObject(raw.recipient)) return false;
  if (event.event_name === "user_submit_info") return isObject(raw.info);
  if (!isObject(raw.message)) return false;
  if (event.event_name === "user_send_text") return typeof raw.message.text === "string";
  if ((USER_MESSAGES as readonly string[]).includes(event.event_name)) return Array.isArray(raw.message.attachments);
  return true;
}

/** A guard for events with one of these names (and the shape their type promises). */
function named<N extends ZaloEventName>(...names: N[]): Guard<Named<N>> {
  const set = new Set<string>(names);
  return (event): event is Named<N> => set.has(event.event_name) && wellFormed(event);
}

const isUserMessage = named(...USER_MESSAGES);

type WithText = AnyUserMessageEvent & { message: { text: string } };

// ===  The queries  ===

/** Every legal query and its guard: the runtime check and the source of the query types. */
export const FILTER_QUERIES = {
  user_send_text: named("user_send_text"),
  user_send_image: named("user_send_image"),
  user_send_gif: named("user_send_gif"),
  user_send_link: named("user_send_link"),
  user_send_sticker: named("user_send_sticker"),
  user_send_location: named("user_send_location"),
  user_send_file: named("user_send_file"),
  user_send_audio: named("user_send_audio"),
  user_send_video: named("user_send_video"),
  follow: named("follow"),
  unfollow: named("unfollow"),
  user_submit_info: named("user_submit_info"),
  user_click_chatnow: named("user_click_chatnow"),
  user_received_message: named("user_received_message"),
  user_seen_message: named("user_seen_message"),
  oa_send_text: named("oa_send_text"),
  oa_send_image: named("oa_send_image"),
  oa_send_gif: named("oa_send_gif"),
  oa_send_list: named("oa_send_list"),
  oa_send_file: named("oa_send_file"),
  oa_send_sticker: named("oa_send_sticker"),
  message: isUserMessage,
  oa_echo: named(...OA_ECHO_EVENTS),
  ":text": (event: ZaloEvent): event is WithText => isUserMessage(event) && typeof event.message.text === "string" && event.message.text.length > 0,
  ":image": named("user_send_image", "user_send_gif"),
  ":location": named("user_send_location"),
  ":link": named("user_send_link"),
  ":file": named("user_send_file"),
  ":sticker": named("user_send_sticker"),
  ":audio": named("user_send_audio"),
  ":video": named("user_send_video"),
  ":attachments": named(...USER_MESSAGES.filter((name): name is Exclude<ZaloUserMessageName, "user_send_text"> => name !== "user_send_text")),
} satisfies Record<string, Guard<ZaloEvent>>;

// ===  Types from the queries  ===

export type FilterQuery = keyof typeof FILTER_QUERIES;

/** The event a query lets through (a union of queries: any of their events). */
export type FilteredEvent<Q extends FilterQuery> = Q extends FilterQuery ? ((typeof FILTER_QUERIES)[Q] extends Guard<infer E> ? E : never) : never;

/** The context inside `on(query)`: `ctx.event` narrowed. */
export type Filter<C extends Context, Q extends FilterQuery> = C & { event: FilteredEvent<Q> };

/** The legal queries, for queries built from strings at run time. */
export const FILTER_QUERY_NAMES = Object.keys(FILTER_QUERIES) as FilterQuery[];

/**
 * Turns a query (or a list: any of them) into a predicate; an unknown query throws at once, naming the legal ones.
 *
 * @example matchFilter(":location")(event) // true for a user_send_location event
 */
export function matchFilter<Q extends FilterQuery>(query: Q | Q[]): (event: ZaloEvent) => event is FilteredEvent<Q> {
  const guards = (Array.isArray(query) ? query : [query]).map((q) => {
    const guard = (FILTER_QUERIES as Record<string, Guard<ZaloEvent>>)[q];
    if (!guard) throw new Error(`Unknown Zalo filter query "${q}"; use one of ${FILTER_QUERY_NAMES.join(", ")}`);
    return guard;
  });
  return (event): event is FilteredEvent<Q> => isObject(event) && typeof event.event_name === "string" && guards.some((guard) => guard(event));
}
