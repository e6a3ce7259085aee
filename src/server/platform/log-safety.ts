/**
 * What a log line may say about an error or a request: nothing that can hold personal data.
 *
 * An error's message cannot be trusted: drizzle's reads "Failed query: … params: <every bound
 * value>", PostgreSQL's detail quotes the conflicting key, a parser's message may quote the body.
 * So an error is logged by its class, its code (PostgreSQL SQLSTATE, Fastify's FST_ERR_…, the
 * API's own code), the constraint, table and column it names (schema, not data), its status and
 * the stack frames (code locations), and the same for its cause. Never its message, detail,
 * parameters, query text, body or query string.
 */

/** Codes and schema names are short identifiers; anything else is dropped, not quoted. */
const IDENTIFIER = /^[A-Za-z0-9_.:-]{1,80}$/;
const MAX_FRAMES = 12;
const MAX_DEPTH = 4;

export interface SafeError {
  [key: string]: unknown;
  type: string;
  /** Made of the class and code only, never the error's own message. */
  message: string;
  /** The frames only, without the first line (which repeats the message). */
  stack: string;
  code?: string;
  statusCode?: number;
  constraint?: string;
  table?: string;
  column?: string;
  cause?: SafeError;
}

function identifier(value: unknown): string | undefined {
  return typeof value === "string" && IDENTIFIER.test(value) ? value : undefined;
}

/** The stack's frames ("at fn (file:line:col)") without its first line, which repeats the message. */
function frames(stack: unknown): string {
  if (typeof stack !== "string") return "";
  return stack
    .split("\n")
    .filter((l) => l.trim().startsWith("at "))
    .slice(0, MAX_FRAMES)
    .join("\n");
}

export function serializeError(error: unknown, depth = 0): SafeError {
  if (typeof error !== "object" || error === null) return { type: typeof error, message: typeof error, stack: "" };
  const e = error as Record<string, unknown>;
  const type = identifier(error.constructor?.name) ?? identifier(e.name) ?? "Error";
  const code = identifier(e.code);
  const out: SafeError = { type, message: code ? `${type} ${code}` : type, stack: frames(e.stack) };
  if (code) out.code = code;
  if (typeof e.statusCode === "number") out.statusCode = e.statusCode;
  const constraint = identifier(e.constraint);
  if (constraint) out.constraint = constraint;
  const table = identifier(e.table);
  if (table) out.table = table;
  const column = identifier(e.column);
  if (column) out.column = column;
  if (e.cause !== undefined && depth < MAX_DEPTH) out.cause = serializeError(e.cause, depth + 1);
  return out;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Ten or more digits, with or without the separator: what a personnummer looks like. */
const DIGIT_RUN = /\d{6,8}[-+]?\d{4}/g;

/**
 * The path of a request, without its query string, and with anything in it that looks like a
 * personnummer blanked (the API never puts one in a URL, but a client may).
 */
export function safePath(url: string): string {
  const path = url.split("?")[0] ?? "";
  return path
    .split("/")
    .map((segment) => (UUID.test(segment) ? segment : segment.replace(DIGIT_RUN, "[redacted]")))
    .join("/")
    .slice(0, 300);
}

/** The log serializers every logger of the server uses. */
export const logSerializers = {
  err: serializeError,
  req: (req: { method: string; url: string; id: string }) => ({ method: req.method, path: safePath(req.url), id: req.id }),
};
