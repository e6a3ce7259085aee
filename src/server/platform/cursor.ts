import { badRequest } from "./errors";

/** Keyset cursors are opaque to clients: base64url of the sort key of the last row shown. */
export function encodeCursor(key: (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

export function decodeCursor(cursor: string, length: number): (string | number)[] {
  try {
    const key = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(key) && key.length === length && key.every((k) => typeof k === "string" || typeof k === "number"))
      return key;
  } catch {
    // fall through to the error below
  }
  throw badRequest("invalid_cursor", "Ogiltig sidmarkör / Invalid cursor", [{ path: "cursor", message: "Ogiltig" }]);
}
