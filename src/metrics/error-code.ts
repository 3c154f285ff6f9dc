/** A short label for a send error: the platform's code when there is one, else the error's name. */
export function errorCode(error: unknown): string {
  const e = error as { code?: unknown; reason?: unknown; status?: unknown; name?: unknown };
  if (typeof e?.code === "number" || typeof e?.code === "string") return String(e.code);
  if (typeof e?.reason === "string") return e.reason;
  if (typeof e?.status === "number") return `http_${e.status}`;
  return typeof e?.name === "string" ? e.name : "unknown";
}
