import type { Services } from "../../shared/services.js";
import { REGISTRATIONS, type Registration } from "../../domain/registration.js";
import { matchOf } from "../../store/match.js";
import { updateDocument } from "../../store/update-document.js";

/** What the staff side of registrations needs: the store. */
export type RegistrationServiceDeps = Pick<Services, "store">;

export { REGISTRATIONS };

/** A registration code that does not exist. */
export class RegistrationNotFound extends Error {
  constructor(readonly code: string) {
    super(`No registration ${code}`);
    this.name = "RegistrationNotFound";
  }
}

/** Filters of {@link RegistrationService.list}. */
export interface RegistrationFilter {
  classId?: string;
  packId?: string;
  status?: Registration["status"];
}

/**
 * Class registrations for staff (the /api and the console): list them, mark attendance.
 *
 * @example
 * const registrations = new RegistrationService(services);
 * await registrations.list({ classId: "lop-quan-ho-vo-cuong", status: "waiting" });
 * await registrations.markAttendance("LH-2026-0003", "2026-12-05", true);
 */
export class RegistrationService {
  constructor(private readonly services: RegistrationServiceDeps) {}

  private get registrations() {
    return this.services.store.collection<Registration>(REGISTRATIONS);
  }

  /** One registration by code, or undefined. */
  get(code: string): Promise<Registration | undefined> {
    return this.registrations.get(code);
  }

  /** Registrations matching the filter, oldest first (the waiting list's order). */
  async list(filter: RegistrationFilter = {}): Promise<Registration[]> {
    const found = await this.registrations.find(matchOf(filter, ["classId", "packId", "status"]));
    return found.sort((a, b) => a.createdAt - b.createdAt || a.code.localeCompare(b.code));
  }

  /**
   * Records whether the person attended the session of `date` (YYYY-MM-DD); marking twice is harmless.
   *
   * @throws RegistrationNotFound for an unknown code; RangeError for a date that is not YYYY-MM-DD.
   */
  async markAttendance(code: string, date: string, present: boolean): Promise<Registration> {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) throw new RangeError(`Not a date (YYYY-MM-DD): ${date}`);
    const updated = await updateDocument(
      this.registrations,
      code,
      (registration) => {
        if (!registration) return undefined;
        const others = registration.attendance.filter((day) => day !== date);
        return { ...registration, attendance: (present ? [...others, date] : others).sort() };
      },
      { durable: true },
    );
    if (!updated) throw new RegistrationNotFound(code);
    return updated;
  }
}
