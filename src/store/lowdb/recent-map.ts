/**
 * A map that keeps only its `limit` most recently set (or touched) keys: the oldest goes when a new key would pass
 * the limit. A Map keeps insertion order, so re-setting a key moves it to the end and the first key is the oldest.
 */
export class RecentMap<K, V> {
  readonly #map = new Map<K, V>();

  constructor(private readonly limit: number) {}

  get(key: K): V | undefined {
    return this.#map.get(key);
  }

  /** The value, marked as just used. */
  touch(key: K): V | undefined {
    const value = this.#map.get(key);
    if (value !== undefined) this.set(key, value);
    return value;
  }

  set(key: K, value: V): void {
    this.#map.delete(key);
    this.#map.set(key, value);
    if (this.#map.size > this.limit) this.#map.delete(this.#map.keys().next().value!);
  }

  delete(key: K): boolean {
    return this.#map.delete(key);
  }
}
