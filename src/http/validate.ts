import type { Request } from "express";
import type { z } from "zod";
import { HttpError } from "./http-error.js";

/** A 400 that names each bad field; the JSON answer carries `issues` too. */
export class ValidationError extends HttpError {
  constructor(
    readonly where: "body" | "query" | "path",
    readonly issues: { field: string; message: string }[],
  ) {
    super(400, `Invalid ${where}: ${issues.map((issue) => `${issue.field}: ${issue.message}`).join("; ")}`);
    this.name = "ValidationError";
  }
}

/**
 * Parses a request part with a zod schema or throws a 400 naming the fields.
 *
 * @example const { status } = parse(reportQuery, req.query, "query");
 */
export function parse<S extends z.ZodType>(schema: S, value: unknown, where: "body" | "query" | "path"): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new ValidationError(
    where,
    result.error.issues.map((issue) => ({
      field: issue.path.length > 0 ? issue.path.join(".") : issue.code === "unrecognized_keys" ? (issue as { keys?: string[] }).keys?.join(", ") ?? where : where,
      message: issue.message,
    })),
  );
}

/**
 * The JSON body of a request; a body sent as something else than JSON is refused with 415 (express.json
 * leaves it unparsed, which would otherwise read as "field missing").
 */
export function jsonBody(req: Request): unknown {
  if (req.body === undefined && Number(req.header("content-length") ?? 0) > 0 && !req.is("application/json")) {
    throw new HttpError(415, "Send the body as JSON with Content-Type: application/json");
  }
  return req.body ?? {};
}
