import type { Services } from "../../shared/services.js";
import type { ClassEntry } from "../../content/index.js";
import type { Registration } from "../../domain/registration.js";
import { updateDocument } from "../../store/update-document.js";
import { REGISTRATIONS } from "./registration-service.js";

/** What counting and claiming seats needs: the store. */
export type SeatDeps = Pick<Services, "store">;

/**
 * Seats of a class: how many are taken (registered, not waiting or cancelled) and whether it is full
 * (marked full in the content, or as many registrations as its capacity).
 *
 * @example (await seats(services, "vo-cuong", cls)).full
 */
export async function seats(services: SeatDeps, packId: string, cls: ClassEntry): Promise<{ taken: number; waiting: number; full: boolean }> {
  const all = await services.store.collection<Registration>(REGISTRATIONS).find({ packId, classId: cls.id });
  const taken = all.filter((registration) => registration.status === "registered").length;
  const waiting = all.filter((registration) => registration.status === "waiting").length;
  const full = cls.status === "full" || (cls.capacity !== undefined && taken >= cls.capacity);
  return { taken, waiting, full };
}

/** The claimed-seat counter of one class (collection `class-seats`, id `<packId>:<classId>`). */
interface SeatCount {
  taken: number;
}

/**
 * Claims a seat in the class for a new registration, or says it is full. Counting registrations and then saving
 * one let two people take the last seat at the same instant; the claim is a counter changed with updateDocument
 * (written only at the revision it was read at), so of two claims for the last seat exactly one succeeds, on any number
 * of instances. The counter starts from the registrations already stored. A crash between the claim and saving the
 * registration leaves one seat counted that nobody has (staff see the real list in the console).
 *
 * @example const registered = await claimSeat(services, pack.id, cls); // false: put on the waiting list
 */
export async function claimSeat(services: SeatDeps, packId: string, cls: ClassEntry): Promise<boolean> {
  if (cls.status === "full") return false;
  const capacity = cls.capacity;
  if (capacity === undefined) return true;
  let claimed = false;
  await updateDocument(
    services.store.collection<SeatCount>("class-seats"),
    `${packId}:${cls.id}`,
    async (current) => {
      const taken = current?.taken ?? (await seats(services, packId, cls)).taken;
      claimed = taken < capacity;
      return claimed ? { taken: taken + 1 } : undefined;
    },
    { durable: true },
  );
  return claimed;
}
