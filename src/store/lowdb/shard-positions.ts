/*
 * Where a document is in a shard file, as one number, and the whole-file reads of the embedded store
 * (src/store/lowdb/shard-file.ts keeps only ids and positions in memory).
 */
import { closeSync, fstatSync, openSync, readSync } from "node:fs";

/** A position packs the byte offset and length of a document in the file into one number (exact below 2^53). */
const LENGTH_BITS = 2 ** 24;

/** The position of `length` bytes at `offset`. */
export function pack(offset: number, length: number): number {
  if (length >= LENGTH_BITS) throw new Error(`document over ${LENGTH_BITS} bytes`);
  return offset * LENGTH_BITS + length;
}

export function unpack(position: number): { offset: number; length: number } {
  return { offset: Math.floor(position / LENGTH_BITS), length: position % LENGTH_BITS };
}

export function readFrom(data: Buffer, position: number): string {
  const { offset, length } = unpack(position);
  return data.toString("utf8", offset, offset + length);
}

/**
 * One buffer, reused by every whole-file read (start-up indexing, entries, compaction): a fresh buffer per file left the
 * process holding the memory of all of them (the C allocator does not give such blocks back), ~45 MB of
 * RSS for 100k conversations. Reads are synchronous so the buffer is never shared by two reads at once;
 * a file is at most a few MB (large collections are split in shards).
 */
let shared = Buffer.alloc(0);

/** The whole file behind `fd`, in the shared buffer (valid until the next read). */
export function readWhole(fd: number): Buffer {
  const size = fstatSync(fd).size;
  if (shared.length < size) shared = Buffer.allocUnsafeSlow(Math.max(size, 2 * shared.length, 1 << 20));
  let read = 0;
  while (read < size) {
    const n = readSync(fd, shared, read, size - read, read);
    if (n === 0) break;
    read += n;
  }
  return shared.subarray(0, read);
}

/** The whole file (see readWhole), or undefined when there is no file yet. */
export function readFile(file: string): Buffer | undefined {
  let fd: number;
  try {
    fd = openSync(file, "r");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  try {
    return readWhole(fd);
  } finally {
    closeSync(fd);
  }
}
