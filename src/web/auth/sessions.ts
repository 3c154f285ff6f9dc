/**
 * Console sessions in the store's `sessions` collection, so a restart does not sign staff out.
 * The browser holds a random token (httpOnly cookie); the store keeps only its SHA-256, so a copy of the
 * database cannot be used to sign in. Each session carries its own CSRF token.
 *
 * @example
 * const { token, session } = await sessions.create("admin");
 * const found = await sessions.find(token); // undefined when expired or signed out
 */
import { createHash, randomBytes } from "node:crypto";
import type { Store } from "../../store/store.js";

/** A signed-in browser. */
export interface Session {
  /** SHA-256 of the cookie token (hex). */
  id: string;
  username: string;
  /** Sent with every form and script request; compared with the one in the session. */
  csrf: string;
  createdAt: number;
  lastSeenAt: number;
}

/** Idle time after which a session ends. */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
/** Longest a session lasts, however active. */
export const SESSION_MAX_MS = 7 * 24 * 60 * 60 * 1000;

/** The cookie holding the session token. */
export const SESSION_COOKIE = "tlvh_sid";

function digest(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Creates, finds and ends sessions. */
export class Sessions {
  constructor(
    private readonly store: Store,
    private readonly now: () => number = Date.now,
  ) {}

  get #collection() {
    return this.store.collection<Session>("sessions");
  }

  async create(username: string): Promise<{ token: string; session: Session }> {
    const token = randomBytes(32).toString("base64url");
    const at = this.now();
    const session: Session = { id: digest(token), username, csrf: randomBytes(24).toString("base64url"), createdAt: at, lastSeenAt: at };
    await this.#collection.set(session.id, session, { durable: true });
    return { token, session };
  }

  /** The live session of a token; an expired one is deleted. Activity is recorded at most once a minute. */
  async find(token: string | undefined): Promise<Session | undefined> {
    if (!token || token.length > 100) return undefined;
    const session = await this.#collection.get(digest(token));
    if (!session) return undefined;
    const at = this.now();
    if (at - session.lastSeenAt > SESSION_IDLE_MS || at - session.createdAt > SESSION_MAX_MS) {
      await this.#collection.delete(session.id);
      return undefined;
    }
    if (at - session.lastSeenAt > 60_000) {
      session.lastSeenAt = at;
      await this.#collection.set(session.id, session);
    }
    return session;
  }

  async destroy(token: string | undefined): Promise<void> {
    if (token) await this.#collection.delete(digest(token));
  }

  /** Ends every session of a user (password changed, account disabled). */
  async destroyUser(username: string): Promise<void> {
    for (const session of await this.#collection.find({ username })) await this.#collection.delete(session.id);
  }
}
