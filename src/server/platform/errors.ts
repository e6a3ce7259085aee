/** Errors a service throws; the error handler turns them into the API's error shape. */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly fields: { path: string; message: string }[] = [],
    /** Headers the answer carries besides the error shape (Retry-After on a 429). */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const notFound = () => new AppError(404, "not_found", "Hittades inte / Not found");
export const unauthenticated = () => new AppError(401, "unauthenticated", "Inloggning krävs / Sign-in required");
export const badRequest = (code: string, message: string, fields: { path: string; message: string }[] = []) =>
  new AppError(400, code, message, fields);
export const conflict = (code: string, message: string, fields: { path: string; message: string }[] = []) =>
  new AppError(409, code, message, fields);
/** A refusal by an anti-automation limit: the client is told how many seconds to wait (RFC 9110 Retry-After). */
export const tooManyRequests = (code: string, message: string, retryAfterSeconds: number) =>
  new AppError(429, code, message, [], { "retry-after": String(retryAfterSeconds) });
