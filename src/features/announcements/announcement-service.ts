import type { Logger } from "pino";
import type { Store } from "../../store/store.js";
import { updateDocument } from "../../store/update-document.js";
import { vietnamWallClock } from "../../reach/vietnam-clock.js";
import { ANNOUNCEMENTS, DELIVERIES, deliveryId, totalsOf, type Announcement, type Delivery, type DeliveryTotals } from "./announcement.js";
import { recipientsOf, type AudienceDeps, type Recipient } from "./audience.js";
import type { AnnouncementDelivery } from "./delivery-worker.js";
import type { FollowerBroadcast } from "./follower-broadcast.js";

/** What announcements need. */
export interface AnnouncementDeps {
  store: Store;
  audience: AudienceDeps;
  delivery: AnnouncementDelivery;
  /** A channel's broadcast to its followers, when the deployment has one and allows it. */
  broadcast?: FollowerBroadcast;
  /** Broadcasts allowed per calendar month (Asia/Ho_Chi_Minh), all packs together: it is the OA's quota. */
  broadcastMonthlyQuota: number;
  logger: Logger;
  now: () => number;
}

/** A draft as staff fill it in: the announcement's own fields, before it has an id, a status or a send. */
export type AnnouncementDraft = Pick<Announcement, "packId" | "kind" | "title" | "text" | "textEn" | "textZh" | "textKo" | "audience" | "validUntil" | "createdBy">;

/** Raised for something staff must fix (shown on the form). */
export class AnnouncementRefused extends Error {}

/**
 * Announcements: a draft is saved, previewed (who would get it and how many now, how many later), then sent: one
 * delivery record per recipient is written (queued) and the delivery worker sends them at the channels' rates; a
 * broadcast is one platform call, counted against the month's quota.
 *
 * @example
 * const a = await service.create(draft); const preview = await service.preview(a.id); await service.send(a.id);
 */
export class AnnouncementService {
  constructor(private readonly deps: AnnouncementDeps) {}

  private get announcements() {
    return this.deps.store.collection<Announcement>(ANNOUNCEMENTS);
  }

  private get deliveries() {
    return this.deps.store.collection<Delivery>(DELIVERIES);
  }

  async create(draft: AnnouncementDraft): Promise<Announcement> {
    if (!draft.title.trim() || !draft.text.trim()) throw new AnnouncementRefused("Cần có tiêu đề và nội dung.");
    if (draft.audience.kind === "broadcast" && !this.deps.broadcast) throw new AnnouncementRefused("Gửi broadcast tới người quan tâm chưa được bật (docs/announcements.md).");
    const year = vietnamWallClock(this.deps.now()).date.slice(0, 4);
    const id = `TB-${year}-${String(await this.deps.store.nextSequence(`announcement-${year}`)).padStart(4, "0")}`;
    const announcement: Announcement = { ...draft, id, status: "draft", createdAt: this.deps.now() };
    await this.announcements.set(id, announcement, { durable: true });
    return announcement;
  }

  async get(id: string): Promise<Announcement | undefined> {
    return this.announcements.get(id);
  }

  /** Newest first. */
  async list(): Promise<Announcement[]> {
    return (await this.announcements.find()).sort((a, b) => b.createdAt - a.createdAt);
  }

  /** Who would get it: the count, how many are inside their window now, a few names of channels. */
  async preview(id: string): Promise<{ announcement: Announcement; recipients: number; inWindow: number; broadcastsLeft: number }> {
    const announcement = await this.#require(id);
    const recipients = await recipientsOf(announcement.audience, announcement.packId, this.deps.audience);
    const conversations = this.deps.store.collection<{ lastInboundAt?: number }>("conversations");
    let inWindow = 0;
    for (const r of recipients) if (this.deps.audience.inWindow(r.person.channel, (await conversations.get(r.person.key))?.lastInboundAt)) inWindow++;
    return { announcement, recipients: recipients.length, inWindow, broadcastsLeft: await this.broadcastsLeft() };
  }

  /** How the console offers the followers' broadcast (the channel's own words); undefined when there is none. */
  get broadcastOffer(): string | undefined {
    return this.deps.broadcast?.offer;
  }

  /** Broadcasts left this month. */
  async broadcastsLeft(): Promise<number> {
    const month = vietnamWallClock(this.deps.now()).date.slice(0, 7);
    const used = (await this.announcements.find()).filter((a) => a.audience.kind === "broadcast" && a.sentAt !== undefined && !a.broadcast?.error && vietnamWallClock(a.sentAt).date.startsWith(month)).length;
    return Math.max(0, this.deps.broadcastMonthlyQuota - used);
  }

  /**
   * Sends a draft: writes a queued delivery per recipient and hands it to the worker (returns before the copies go),
   * or makes the broadcast call. Sending twice is refused; the status moves draft → sending → done.
   */
  async send(id: string): Promise<Announcement> {
    const announcement = await this.#require(id);
    if (announcement.status !== "draft") throw new AnnouncementRefused("Thông báo này đã được gửi.");
    if (announcement.audience.kind === "broadcast") return this.#broadcast(announcement, announcement.audience.articleId);
    const recipients = await recipientsOf(announcement.audience, announcement.packId, this.deps.audience);
    const now = this.deps.now();
    await this.#writeDeliveries(announcement.id, recipients, now);
    const sending = await updateDocument(this.announcements, id, (current) => current?.status === "draft" ? { ...current, status: "sending" as const, sentAt: now } : undefined, { durable: true });
    if (sending?.status !== "sending" || sending.sentAt !== now) throw new AnnouncementRefused("Thông báo này đã được gửi.");
    await this.deps.delivery.dispatch(sending);
    return sending;
  }

  /** Live counts by result (the report), with the failed and kept ones for the list. */
  async report(id: string): Promise<{ announcement: Announcement; totals: DeliveryTotals; problems: Delivery[] }> {
    const announcement = await this.#require(id);
    const deliveries = await this.deliveries.find({ announcementId: id });
    return { announcement, totals: totalsOf(deliveries), problems: deliveries.filter((d) => d.status === "failed" || d.status === "kept").slice(0, 200) };
  }

  async #writeDeliveries(announcementId: string, recipients: Recipient[], now: number): Promise<void> {
    for (const [i, r] of recipients.entries()) {
      // Store writes that resolve at once never let the event loop turn: yield now and then so replies keep flowing.
      if (i % 200 === 199) await new Promise((resolve) => setImmediate(resolve));
      const id = deliveryId(announcementId, r.person.key);
      const delivery: Delivery = { id, announcementId, personKey: r.person.key, person: r.person, language: r.language, status: "queued", attempts: 0, nextAttemptAt: now };
      await this.deliveries.set(id, delivery);
    }
    await this.deps.store.flush();
  }

  async #broadcast(announcement: Announcement, articleId: string): Promise<Announcement> {
    if (!this.deps.broadcast) throw new AnnouncementRefused("Gửi broadcast chưa được bật.");
    if ((await this.broadcastsLeft()) <= 0) throw new AnnouncementRefused(`Đã dùng hết ${this.deps.broadcastMonthlyQuota} lượt broadcast của tháng này.`);
    const now = this.deps.now();
    // Marked first: a second click while the call is out finds it sent.
    const claimed = await updateDocument(this.announcements, announcement.id, (current) => current?.status === "draft" ? { ...current, status: "sending" as const, sentAt: now } : undefined, { durable: true });
    if (claimed?.sentAt !== now) throw new AnnouncementRefused("Thông báo này đã được gửi.");
    let result: Announcement["broadcast"];
    try {
      result = { messageId: (await this.deps.broadcast.broadcast(articleId)).messageId };
    } catch (error) {
      this.deps.logger.error({ err: error, announcement: announcement.id }, "broadcast refused");
      result = { error: error instanceof Error ? error.message.slice(0, 300) : String(error) };
    }
    const done = await updateDocument(this.announcements, announcement.id, (current) => current && { ...current, status: "done" as const, doneAt: this.deps.now(), broadcast: result }, { durable: true });
    return done!;
  }

  async #require(id: string): Promise<Announcement> {
    const announcement = await this.announcements.get(id);
    if (!announcement) throw new AnnouncementRefused("Không tìm thấy thông báo.");
    return announcement;
  }
}
