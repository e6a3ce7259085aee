/** Errors a service throws; the error handler turns them into the API's error shape. */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly fields: { path: string; message: string }[] = [],
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
