import { createHash, randomBytes } from "node:crypto";
import { longTextsOf } from "../store/long-texts.js";
import type { Collection, Store } from "../store/store.js";
import { updateDocument } from "../store/update-document.js";

/**
 * One person's data across the store, found by their conversation key (`channel:accountId:userId`): exported as
 * JSON on request, or erased. What erasure does per collection (docs/privacy.md):
 * - conversations (and their long messages, kept whole beside the documents: src/store/long-texts.ts), handoffs, pending messages, undeliverable replies,
 *   subscriptions, kept messages (and their per-person index), announcement copies, replies waiting in the outbox or
 *   a local chat's inbox, staff alerts that name the person (a handoff's): deleted;
 * - reports and registrations: kept for the office's records, anonymised (name, phone, who sent it removed; the
 *   description, later additions and the rating comment kept with phone numbers masked); the person is taken off
 *   the followers of other people's reports;
 * - media records: the link to the person removed (the files stay as the anonymised report's evidence); files sent
 *   outside a report deleted.
 *
 * Collections are named here as stored data, not through the features that write them, so this stays a leaf.
 */

/** Store collections holding a person's data, and how each is matched. */
export const PERSONAL_COLLECTIONS = {
  conversations: "conversations",
  handoffs: "handoffs",
  pending: "pending",
  deadLetters: "dead_letters",
  subscriptions: "subscriptions",
  /** Reminders and announcement copies kept as "chưa gửi được" (src/reach), and announcement copies (their report keeps totals). */
  keptMessages: "kept-messages",
  /** The per-person index of kept messages (document id = the person's key). */
  keptIndex: "kept-messages-by-person",
  announcementDeliveries: "announcement-deliveries",
  /** Replies written and not yet confirmed sent (the outbound path's outbox). */
  outbox: "outbox",
  registrations: "registrations",
  reports: "reports",
  media: "media",
} as const;

/** Where a person's long messages, kept whole (src/store/long-texts.ts), are listed in their export. */
const LONG_TEXTS_EXPORT = "long_texts";

/** Replies waiting for a local chat's page (src/channels/local/stored-channel.ts), by `<channel>:<user id>`. */
const LOCAL_INBOX = "local_inbox";

/**
 * Staff alerts (src/staff/staff-alerts.ts): an alert about a handoff names the person (its reference is their
 * conversation key, its summary quotes them). Alerts carry no person field, so they are matched by what they say.
 */
const STAFF_ALERTS = "staff_alerts";

type Doc = Record<string, unknown> & { revision?: number };

/** The person a request is about. */
export interface PersonKey {
  channel: string;
  accountId: string;
  userId: string;
}

/** The conversation key of a person. */
export function keyOf(person: PersonKey): string {
  return `${person.channel}:${person.accountId}:${person.userId}`;
}

/** Splits a conversation key (`zalo:5797…:2512…`); undefined when it is not one. */
export function parseKey(key: string): PersonKey | undefined {
  const found = /^([a-z0-9_-]+):([^:]+):(.+)$/i.exec(key.trim());
  return found ? { channel: found[1], accountId: found[2], userId: found[3] } : undefined;
}

/** A one-way reference for the audit log: who was erased can be checked against a known key, not read back. */
export function subjectHash(key: string): string {
  return createHash("sha256").update(`tlvh-privacy:${key}`).digest("hex").slice(0, 24);
}

/** Whether a document refers to the person: by its person/reporter/recipient fields or its own key. */
function refersTo(doc: Doc, id: string, person: PersonKey): boolean {
  const key = keyOf(person);
  const ref = (value: unknown) => {
    const candidate = value as Partial<PersonKey> & { key?: string } | undefined;
    return !!candidate && (candidate.key === key || (candidate.channel === person.channel && candidate.accountId === person.accountId && candidate.userId === person.userId));
  };
  // `to`: a reply waiting in an outbox; `recipient`: an undeliverable reply.
  return id === key || doc.key === key || doc.personKey === key || doc.ownerKey === key || ref(doc.person) || ref(doc.reporter) || ref(doc.recipient) || ref(doc.to);
}

/** The staff alerts whose text names the person: their conversation key (as is, or in a console link) or user id. */
async function alertsNaming(store: Store, person: PersonKey): Promise<{ id: string; doc: Doc }[]> {
  const key = keyOf(person);
  const names = [key, encodeURIComponent(key), ...(person.userId.length >= 6 ? [person.userId] : [])];
  const alerts = await store.collection<Doc>(STAFF_ALERTS).find();
  return alerts.filter((doc) => typeof doc.id === "string" && names.some((name) => JSON.stringify(doc).includes(name))).map((doc) => ({ id: String(doc.id), doc }));
}

async function findFor(collection: Collection<Doc>, person: PersonKey): Promise<{ id: string; doc: Doc }[]> {
  const docs = await collection.find();
  // Documents do not all carry their id; the ones that do use code/id/key.
  return docs
    .map((doc) => ({ id: String(doc.code ?? doc.id ?? doc.key ?? ""), doc }))
    .filter(({ id, doc }) => id !== "" && refersTo(doc, id, person));
}

/** Everything stored about one person, by collection. */
export interface PersonExport {
  person: PersonKey;
  exportedAt: string;
  collections: Record<string, unknown[]>;
}

/**
 * Everything the store holds about the person (for an export request): one array per collection.
 *
 * @example const data = await exportPersonData(store, parseKey("zalo:579…:251…")!, Date.now());
 */
export async function exportPersonData(store: Store, person: PersonKey, now: number): Promise<PersonExport> {
  const result: PersonExport = { person, exportedAt: new Date(now).toISOString(), collections: {} };
  for (const name of Object.values(PERSONAL_COLLECTIONS)) {
    const found = await findFor(store.collection<Doc>(name), person);
    result.collections[name] = found.map(({ doc }) => withoutRevision(doc));
  }
  result.collections[STAFF_ALERTS] = (await alertsNaming(store, person)).map(({ doc }) => withoutRevision(doc));
  result.collections[LONG_TEXTS_EXPORT] = await longTextsOf(store).list(keyOf(person));
  return result;
}

function withoutRevision(doc: Doc): Doc {
  const { revision: _revision, ...rest } = doc;
  return rest;
}

/** How many documents erasure deleted or anonymised, per collection. */
export type ErasureSummary = Record<string, { deleted: number; anonymised: number }>;

/** A stand-in for the person on what is kept: no link back to them, the account kept for the pack. */
function anonymousRef(person: PersonKey) {
  const id = `erased-${randomBytes(6).toString("hex")}`;
  return { key: `erased:${person.accountId}:${id}`, channel: "erased", accountId: person.accountId, userId: id };
}

/** Phone numbers typed into free text (as the logger masks them): 0912 345 678, +84 912345678. */
const PHONE_IN_TEXT = /(?:\+?84|0)(?:[\s.-]?\d){8,10}/g;

function anonymiseReport(doc: Doc, person: PersonKey, at: number): Doc {
  const masked = (text: unknown) => (typeof text === "string" ? text.replace(PHONE_IN_TEXT, "[đã xóa]") : text);
  const additions = Array.isArray(doc.additions) ? (doc.additions as Doc[]).map((a) => (a.text === undefined ? a : { ...a, text: masked(a.text) })) : doc.additions;
  const rating = doc.rating && typeof doc.rating === "object" ? { ...(doc.rating as Doc), ...((doc.rating as Doc).comment !== undefined ? { comment: masked((doc.rating as Doc).comment) } : {}) } : doc.rating;
  return { ...doc, description: masked(doc.description), ...(additions ? { additions } : {}), ...(rating ? { rating } : {}), contact: { anonymous: true }, reporter: anonymousRef(person), anonymisedAt: at };
}

/** Takes the person off the followers of other people's reports (they asked to be told of them). */
async function unfollowAll(store: Store, person: PersonKey): Promise<number> {
  const reports = store.collection<Doc>(PERSONAL_COLLECTIONS.reports);
  const key = keyOf(person);
  const follows = (doc: Doc | undefined) => Array.isArray(doc?.followers) && (doc.followers as { key?: string }[]).some((f) => f.key === key);
  let count = 0;
  for (const doc of await reports.find()) {
    if (!follows(doc) || typeof doc.code !== "string") continue;
    await updateDocument(reports, doc.code, (stored) => (stored && follows(stored) ? { ...stored, followers: (stored.followers as { key?: string }[]).filter((f) => f.key !== key) } : undefined), { durable: true });
    count++;
  }
  return count;
}

function anonymiseRegistration(doc: Doc, person: PersonKey, at: number): Doc {
  // The consent to messages by phone goes with the number (docs/reach.md).
  const { child: _child, phoneNoticeConsentAt: _consent, ...rest } = doc;
  return { ...rest, fullName: "", phone: "", person: anonymousRef(person), anonymisedAt: at };
}

/**
 * Erases the person's data (see the file comment for what happens to each collection). Evidence files stay with the
 * anonymised report (only the media records' link to the person goes); other files of the person are removed with
 * `removeMedia` (the evidence keeper's `remove`) when given. `inFlight`: outbox entries being sent now (the erasure's
 * own confirmation), left for the outbound, which removes each once it is sent.
 *
 * @example const summary = await erasePersonData(store, person, Date.now());
 */
export async function erasePersonData(store: Store, person: PersonKey, now: number, options: { removeMedia?: (id: string) => Promise<void>; inFlight?: readonly string[] } = {}): Promise<ErasureSummary> {
  const summary: ErasureSummary = {};
  const count = (name: string, what: "deleted" | "anonymised") => {
    summary[name] ??= { deleted: 0, anonymised: 0 };
    summary[name][what] += 1;
  };
  const { reports, registrations, media, ...deleted } = PERSONAL_COLLECTIONS;
  for (const name of Object.values(deleted)) {
    const collection = store.collection<Doc>(name);
    for (const { id } of await findFor(collection, person)) {
      if (name === PERSONAL_COLLECTIONS.outbox && options.inFlight?.includes(id)) continue;
      await collection.delete(id);
      count(name, "deleted");
    }
  }
  for (const { id } of await alertsNaming(store, person)) {
    await store.collection<Doc>(STAFF_ALERTS).delete(id);
    count(STAFF_ALERTS, "deleted");
  }
  const rewrite = async (name: string, change: (doc: Doc) => Doc) => {
    const collection = store.collection<Doc>(name);
    for (const { id } of await findFor(collection, person)) {
      await updateDocument(collection, id, (stored) => (stored && refersTo(stored, id, person) ? change(stored) : undefined), { durable: true });
      count(name, "anonymised");
    }
  };
  await rewrite(reports, (doc) => anonymiseReport(doc, person, now));
  for (let n = await unfollowAll(store, person); n > 0; n--) count(reports, "anonymised");
  await rewrite(registrations, (doc) => anonymiseRegistration(doc, person, now));
  // Files that became a report's evidence stay with it, unlinked from the person; files sent outside a report
  // (a photo in a chat that never became a report) are deleted, bytes and record.
  if (options.removeMedia) {
    for (const { id, doc } of await findFor(store.collection<Doc>(media), person)) {
      if (doc.reportCode) continue;
      await options.removeMedia(id);
      count(media, "deleted");
    }
  }
  await rewrite(media, (doc) => {
    const { ownerKey: _ownerKey, ...rest } = doc;
    return rest;
  });
  // Replies waiting for a local chat (web, terminal) are kept by `<channel>:<user id>`, with nothing else naming the person.
  const localInbox = store.collection<Doc>(LOCAL_INBOX);
  if (await localInbox.get(`${person.channel}:${person.userId}`)) {
    await localInbox.delete(`${person.channel}:${person.userId}`);
    count(LOCAL_INBOX, "deleted");
  }
  const texts = longTextsOf(store);
  const long = await texts.list(keyOf(person));
  await texts.deleteAll(keyOf(person));
  if (long.length > 0) summary[LONG_TEXTS_EXPORT] = { deleted: long.length, anonymised: 0 };
  // The conversation may have been saved again by a message handled meanwhile: delete once more, last.
  await store.collection<Doc>(PERSONAL_COLLECTIONS.conversations).delete(keyOf(person));
  await store.flush();
  // lowdb appends changes: without a rewrite the old lines (name, phone) would stay in the files.
  await store.compact?.();
  return summary;
}

/** A phone number reduced to its digits, +84 written as 0 (how the dialogs store it). */
function phoneDigits(text: string): string {
  const digits = text.replace(/\D+/g, "");
  return digits.startsWith("84") && digits.length >= 11 ? `0${digits.slice(2)}` : digits;
}

/**
 * The people a console search names: a conversation key as shown on report and inbox pages, or a phone number a
 * person gave in a report or a registration (staff are asked by phone). Returns conversation keys.
 *
 * @example await findPeople(store, "0912 345 678") // ["zalo:579…:251…"]
 */
export async function findPeople(store: Store, query: string): Promise<string[]> {
  const text = query.trim();
  const asKey = parseKey(text);
  if (asKey && !/^\+?\d[\d\s.-]*$/.test(text)) {
    const key = keyOf(asKey);
    const exported = await exportPersonData(store, asKey, 0);
    return Object.values(exported.collections).some((docs) => docs.length > 0) ? [key] : [];
  }
  const phone = phoneDigits(text);
  if (phone.length < 9) return [];
  const keys = new Set<string>();
  for (const report of await store.collection<Doc>(PERSONAL_COLLECTIONS.reports).find()) {
    const contact = report.contact as { phone?: string } | undefined;
    const reporter = report.reporter as { key?: string } | undefined;
    if (contact?.phone && phoneDigits(contact.phone) === phone && reporter?.key) keys.add(reporter.key);
  }
  for (const registration of await store.collection<Doc>(PERSONAL_COLLECTIONS.registrations).find()) {
    const person = registration.person as { key?: string } | undefined;
    if (typeof registration.phone === "string" && phoneDigits(registration.phone) === phone && person?.key) keys.add(person.key);
  }
  return [...keys].sort();
}
