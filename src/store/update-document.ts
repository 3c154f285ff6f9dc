import { revisionOf, type Collection, type WriteOptions } from "./store.js";

/**
 * Changes one stored document without undoing what someone else wrote meanwhile (another instance, the console,
 * the API, a person's message): reads it, applies `change`, and writes the result only at the revision it read
 * (Collection.setIfRevision); if the document was written in between, reads it again and applies `change` to the
 * newer copy. Reading, changing and saving a copy lost such writes (a staff status change undone by a duplicate
 * link, two staff notes where one survived).
 *
 * `change` gets the stored document (undefined when there is none) and returns the new one, or undefined to leave it
 * as it is (nothing is written); it may be async (to read something else first). It may run more than once, so it
 * must not write. The stored document gets a `revision` field. Returns the document as stored afterwards.
 *
 * @example
 * await updateDocument(reports, code, (report) => report && { ...report, status: "done" }, { durable: true });
 */
export async function updateDocument<T extends object>(
  collection: Collection<T>,
  id: string,
  change: (current: T | undefined) => T | undefined | Promise<T | undefined>,
  options?: WriteOptions,
): Promise<T | undefined> {
  for (;;) {
    const current = await collection.get(id);
    const next = await change(current);
    if (next === undefined) return current;
    const expected = revisionOf(current);
    const written = { ...next, revision: expected + 1 };
    if (await collection.setIfRevision(id, written, expected, options)) return written;
  }
}
