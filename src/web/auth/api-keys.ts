/**
 * Keys of the staff API, made and revoked by an admin in the console (/admin/api-keys). Each has a name (who
 * uses it: "Cổng dịch vụ công tỉnh"), a scope (every unit, or one unit of one pack), and is stored as the SHA-256
 * of the key: the key itself is shown once, when it is made, and never stored or logged.
 *
 * A key reads `tlvh_<id>_<secret>`: the id (not secret) finds the record, the whole key's hash is compared in
 * constant time. 32 random bytes make guessing hopeless, so a fast hash is enough (no scrypt per request).
 *
 * @example
 * const keys = new ApiKeys(store);
 * const { key, secret } = await keys.create({ name: "Cổng tỉnh", packId: "vo-cuong", unitId: "phong-van-hoa-xa-hoi", createdBy: "admin" });
 * await keys.verify(secret) // → { ok: true, key } (the record, without the hash)
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { Store } from "../../store/store.js";

/** A key as stored (the hash, never the key). */
export interface ApiKeyRecord {
  id: string;
  name: string;
  /** Both set: the key sees one unit of one pack. Both unset: every unit. */
  packId?: string;
  unitId?: string;
  /** hex SHA-256 of the whole key. */
  hash: string;
  createdAt: number;
  createdBy: string;
  revokedAt?: number;
  revokedBy?: string;
  lastUsedAt?: number;
}

/** A key without its hash: what pages and requests see. */
export type ApiKey = Omit<ApiKeyRecord, "hash">;

/** Why a presented key was refused (logged; the key itself never is). */
export type KeyRefusal = "malformed" | "unknown" | "revoked" | "wrong secret";

const KEY_PATTERN = /^tlvh_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;
/** lastUsedAt is written at most this often per key (not a store write per request). */
const LAST_USED_EVERY_MS = 60_000;

const sha256 = (text: string) => createHash("sha256").update(text).digest();

export class ApiKeys {
  constructor(
    private readonly store: Store,
    private readonly now: () => number = Date.now,
  ) {}

  get #collection() {
    return this.store.collection<ApiKeyRecord>("api_keys");
  }

  /** Makes a key; `secret` is the key to hand over (shown once). */
  async create(input: { name: string; packId?: string; unitId?: string; createdBy: string }): Promise<{ key: ApiKey; secret: string }> {
    const id = randomBytes(8).toString("hex");
    const secret = `tlvh_${id}_${randomBytes(32).toString("base64url")}`;
    const record: ApiKeyRecord = {
      id,
      name: input.name,
      ...(input.packId && input.unitId ? { packId: input.packId, unitId: input.unitId } : {}),
      hash: sha256(secret).toString("hex"),
      createdAt: this.now(),
      createdBy: input.createdBy,
    };
    await this.#collection.set(id, record, { durable: true });
    return { key: withoutHash(record), secret };
  }

  /** Every key, newest first (revoked ones too, for the record). */
  async list(): Promise<ApiKey[]> {
    return (await this.#collection.find()).sort((a, b) => b.createdAt - a.createdAt).map(withoutHash);
  }

  /** Revokes a key at once (the next request with it is refused). False when there is no such key. */
  async revoke(id: string, by: string): Promise<boolean> {
    const record = await this.#collection.get(id);
    if (!record) return false;
    if (!record.revokedAt) await this.#collection.set(id, { ...record, revokedAt: this.now(), revokedBy: by }, { durable: true });
    return true;
  }

  /** The key a bearer token is, or why not. The id is only trusted once the hash matched. */
  async verify(token: string): Promise<{ ok: true; key: ApiKey } | { ok: false; reason: KeyRefusal; keyId?: string }> {
    const match = KEY_PATTERN.exec(token);
    if (!match) return { ok: false, reason: "malformed" };
    const record = await this.#collection.get(match[1]);
    if (!record) return { ok: false, reason: "unknown" };
    if (!timingSafeEqual(sha256(token), Buffer.from(record.hash, "hex"))) return { ok: false, reason: "wrong secret", keyId: record.id };
    if (record.revokedAt) return { ok: false, reason: "revoked", keyId: record.id };
    const now = this.now();
    if (!record.lastUsedAt || now - record.lastUsedAt > LAST_USED_EVERY_MS) await this.#collection.set(record.id, { ...record, lastUsedAt: now });
    return { ok: true, key: withoutHash(record) };
  }
}

function withoutHash({ hash: _hash, ...key }: ApiKeyRecord): ApiKey {
  return key;
}
