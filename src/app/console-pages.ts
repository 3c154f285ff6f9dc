import { inboxRoutes } from "../features/handoff/handoff-console.js";
import { classesRoutes } from "../features/registration/registration-console.js";
import { reportsRoutes } from "../features/reports/report-console.js";
import { evidenceRoutes } from "../features/reports/evidence-console.js";
import { reportStaffRoutes } from "../features/reports/report-staff-routes.js";

/** The features' console pages, mounted by the console shell (src/web/index.ts): the staff inbox, reports and their kept evidence, classes. */
export const consolePages = [inboxRoutes, reportsRoutes, reportStaffRoutes, evidenceRoutes, classesRoutes] as const;
