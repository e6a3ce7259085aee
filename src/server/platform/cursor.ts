import { hasForbiddenCharacter } from "../../contracts/common";
import { badRequest } from "./errors";

/** Keyset cursors are opaque to clients: base64url of the sort key of the last row shown. */
export function encodeCursor(key: (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

/** What each part of a sort key must be; a cursor that does not fit is the client's error, not the database's. */
export type CursorPart = "timestamp" | "uuid" | "text" | "integer";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$/;

function fits(part: CursorPart, value: unknown): boolean {
  switch (part) {
    case "uuid":
      return typeof value === "string" && UUID.test(value);
    case "timestamp": {
      if (typeof value !== "string" || !ISO_INSTANT.test(value)) return false;
      // Any instant PostgreSQL takes back (the rows' own times were written within the API's range).
      const year = new Date(value).getUTCFullYear();
      return year >= 1 && year <= 9999;
    }
    case "text":
      // Sort keys are names and titles: bounded, no NUL, no lone surrogate.
      return typeof value === "string" && value.length <= 500 && !hasForbiddenCharacter(value);
    case "integer":
      return typeof value === "number" && Number.isSafeInteger(value) && value >= 0;
  }
}

/**
 * The sort key a cursor holds, checked part by part against the kinds given: anything else (not
 * base64url JSON, not an array, the wrong length, a part of the wrong kind) is a 400, never a
 * value handed to the database.
 */
export function decodeCursor(cursor: string, shape: readonly CursorPart[]): (string | number)[] {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(key) && key.length === shape.length && key.every((k, i) => fits(shape[i] as CursorPart, k))) return key;
  } catch {
    // fall through to the error below
  }
  throw badRequest("invalid_cursor", "Ogiltig sidmarkör / Invalid cursor", [{ path: "cursor", message: "Ogiltig" }]);
}
