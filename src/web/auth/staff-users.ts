/**
 * Staff accounts of the console, in the store's `staff_users` collection (by user name).
 * `admin` sees and changes everything; `staff` sees the reports and handoffs of one unit (a contact id) of one pack.
 *
 * @example
 * const users = new StaffUsers(store);
 * await users.ensureFirstAdmin(config.ADMIN_PASSWORD);
 * await users.create({ username: "lan", displayName: "Chị Lan", role: "staff", packId: "vo-cuong", unitId: "phong-van-hoa-xa-hoi" }, "mật khẩu …");
 */
import type { Store } from "../../store/store.js";
import { hashPassword, verifyPassword } from "./password.js";

/** What a staff member may do. */
export type StaffRole = "admin" | "staff";

/** A console account as stored. */
export interface StaffUser {
  username: string;
  displayName: string;
  role: StaffRole;
  /** The pack the account works in (staff); admins see every pack. */
  packId?: string;
  /** The unit (contact id of the pack) whose reports and handoffs a staff account sees. */
  unitId?: string;
  passwordHash: string;
  disabled?: boolean;
  createdAt: number;
  lastLoginAt?: number;
}

/** The account without its hash, for pages and sessions. */
export type StaffUserView = Omit<StaffUser, "passwordHash">;

/** A user name: lower-case letters, digits, dot, dash, underscore. */
export const USERNAME_PATTERN = /^[a-z0-9._-]{2,32}$/;

/** Reads and writes console accounts. */
export class StaffUsers {
  constructor(private readonly store: Store) {}

  get #collection() {
    return this.store.collection<StaffUser>("staff_users");
  }

  get(username: string): Promise<StaffUser | undefined> {
    return this.#collection.get(username);
  }

  async list(): Promise<StaffUser[]> {
    return (await this.#collection.find()).sort((a, b) => a.username.localeCompare(b.username));
  }

  /** Creates an account; throws when the name is taken or malformed. */
  async create(user: Omit<StaffUser, "passwordHash" | "createdAt">, password: string, now = Date.now()): Promise<StaffUser> {
    if (!USERNAME_PATTERN.test(user.username)) throw new Error("Tên đăng nhập chỉ gồm chữ thường không dấu, số, dấu chấm, gạch ngang (2–32 ký tự).");
    if (await this.get(user.username)) throw new Error(`Tên đăng nhập "${user.username}" đã có.`);
    const created: StaffUser = { ...user, passwordHash: await hashPassword(password), createdAt: now };
    await this.#collection.set(created.username, created, { durable: true });
    return created;
  }

  async update(user: StaffUser): Promise<void> {
    await this.#collection.set(user.username, user, { durable: true });
  }

  async setPassword(username: string, password: string): Promise<void> {
    const user = await this.get(username);
    if (!user) throw new Error(`Không có tài khoản "${username}".`);
    await this.update({ ...user, passwordHash: await hashPassword(password) });
  }

  /** The account when the password matches and the account is active; undefined otherwise (same time either way). */
  async authenticate(username: string, password: string): Promise<StaffUser | undefined> {
    const user = await this.get(username.trim().toLowerCase());
    // Hash even for an unknown name, so response time does not tell which names exist.
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    return user && ok && !user.disabled ? user : undefined;
  }

  /**
   * Creates the first admin ("admin") from ADMIN_PASSWORD when no account named admin exists yet. Later changes to
   * ADMIN_PASSWORD do not overwrite a password changed in the console.
   */
  async ensureFirstAdmin(password: string | undefined): Promise<boolean> {
    if (!password || (await this.get("admin"))) return false;
    await this.create({ username: "admin", displayName: "Quản trị", role: "admin" }, password);
    return true;
  }
}

/** A valid hash of a random string, verified against when the user name is unknown. */
const DUMMY_HASH = "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$gQ1GmFz2hH3QqgTBI6pRhr6nYxJbQm3H1vXf0Qb0tRk=";

/** The account without its hash. */
export function viewOf(user: StaffUser): StaffUserView {
  const { passwordHash: _hash, ...view } = user;
  return view;
}
