import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import type { Permission } from "../../domain/roles";
import type { Database } from "../db/connection";
import { type Actor, hasPermission } from "./actor";
import type { Config } from "./config";
import { registerDeniedAccessAudit } from "./denied-access";
import { actorForRoute } from "./emergency-access";
import { AppError, notFound, unauthenticated } from "./errors";
import { actorForSession, sessionToken } from "./sessions";

declare module "fastify" {
  interface FastifyContextConfig {
    /** Every route declares who may call it; "public" routes need no session. */
    permission?: Permission | "public";
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyInstance {
    /** Every route with the permission it declared: the authorization matrix test reads this. */
    declaredRoutes: DeclaredRoute[];
  }
}

export function errorBody(code: string, message: string, fields: { path: string; message: string }[] = []) {
  return { error: { code, message, fields } };
}

/** Every API response and page: personal data must not stay in a browser's or a proxy's cache. */
export const NO_STORE = "no-store";

/** The PostgreSQL error behind a failed query (drizzle wraps it as the cause), if it is one. */
function databaseErrorOf(error: unknown): { code: string; message: string } | null {
  for (let e = error, depth = 0; e && typeof e === "object" && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, severity, message } = e as { code?: unknown; severity?: unknown; message?: unknown };
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code) && typeof severity === "string")
      return { code, message: String(message ?? "") };
  }
  return null;
}

/**
 * What the database refused because of what was sent (a duplicate, a reference to nothing, a value
 * it cannot hold) is the client's error, not the server's: 400 or 409, never 500. The texts are
 * fixed: PostgreSQL's detail quotes the values.
 */
export function databaseRefusal(error: unknown): { status: number; body: ReturnType<typeof errorBody> } | null {
  const db = databaseErrorOf(error);
  if (!db) return null;
  const { code } = db;
  if (code === "23505" || code === "23P01") return { status: 409, body: errorBody("conflict", "Finns redan / Already exists") };
  if (code === "23503")
    return db.message.startsWith("update or delete")
      ? { status: 409, body: errorBody("in_use", "Används av andra uppgifter / Still referred to") }
      : { status: 400, body: errorBody("invalid_reference", "Hänvisar till något som inte finns / Refers to nothing") };
  if (code === "40001" || code === "40P01")
    return { status: 409, body: errorBody("concurrent_change", "Ändrades samtidigt, försök igen / Changed concurrently, retry") };
  // A check constraint, data exceptions (a bad date, text or number; a value too long or out of
  // range; a NUL byte) and a value too large for an index. A not-null violation (23502) stays a
  // 500: no client can send a missing value past the schemas, so it is the server's fault.
  if (code === "23514" || code.startsWith("22") || code === "54000")
    return { status: 400, body: errorBody("invalid_input", "Ogiltig indata / Invalid input") };
  return null;
}

/** The signed-in actor of a route that declared a permission (the hook has already checked it). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthenticated();
  return request.actor;
}

const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * A state-changing request must come from our own pages: browsers send Origin and Sec-Fetch-Site
 * on cross-site requests, and the session cookie is SameSite=Strict besides. Clients that are not
 * browsers (curl, tests) send neither and are not a CSRF vector.
 */
function isCrossSite(request: FastifyRequest): boolean {
  if (!UNSAFE_METHODS.has(request.method)) return false;
  const site = request.headers["sec-fetch-site"];
  if (site && site !== "same-origin" && site !== "none") return true;
  const origin = request.headers.origin;
  if (origin) {
    try {
      // request.host is the Host header, or X-Forwarded-Host when a trusted proxy sent the request
      // (VAGVAL_TRUST_PROXY): behind a proxy that rewrites Host, the browser's Origin names the
      // forwarded host. From any other client X-Forwarded-Host is ignored.
      return new URL(origin).host !== request.host;
    } catch {
      return true;
    }
  }
  return false;
}

export interface DeclaredRoute {
  method: string;
  url: string;
  permission: Permission | "public" | undefined;
}

/** A PATCH that changes nothing is a client's mistake, for every PATCH route alike. */
async function refuseEmptyPatch(request: FastifyRequest, reply: FastifyReply) {
  const body = request.body;
  if (request.method === "PATCH" && body && typeof body === "object" && !Array.isArray(body) && !Object.keys(body).length)
    return reply
      .code(400)
      .send(
        errorBody("empty_patch", "Inget att ändra / Nothing to change", [
          { path: "body", message: "Ange minst ett fält / Give at least one field" },
        ]),
      );
}

export function registerHttpPlatform(app: FastifyInstance, config: Config, database: Database): void {
  app.decorateRequest("actor", null);
  const declared: DeclaredRoute[] = [];
  app.decorate("declaredRoutes", declared);
  app.addHook("onRoute", (route) => {
    // Static files (the web app, the API docs UI) hold no data and need no session.
    if (!route.url.startsWith("/api/") || route.url.startsWith("/api/docs")) {
      route.config = { ...(route.config ?? {}), permission: "public" };
    }
    for (const method of [route.method].flat()) {
      if (method !== "HEAD") declared.push({ method, url: route.url, permission: route.config?.permission });
    }
    // On the PATCH routes only: a global hook would cost every request (the person read among them) a promise.
    if ([route.method].flat().includes("PATCH"))
      route.preValidation = [...[route.preValidation ?? []].flat(), refuseEmptyPatch] as typeof route.preValidation;
  });

  app.addHook("onRequest", async (request, reply) => {
    if (isCrossSite(request)) {
      return reply
        .code(403)
        .send(errorBody("cross_site_request", "Begäran kom från en annan webbplats / Cross-site request refused"));
    }
    const permission = request.routeOptions.config.permission;
    if (!request.routeOptions.url) return; // unknown route: the not-found handler answers
    if (permission === "public") return;
    if (!permission) {
      // A route without a declared permission is a programming error: refuse rather than expose.
      return reply.code(500).send(errorBody("internal", "Internt fel / Internal error"));
    }
    const token = sessionToken(request);
    const actor = token ? await actorForSession(database.db, config, token, request) : null;
    if (!actor) return reply.code(401).send(errorBody("unauthenticated", "Inloggning krävs / Sign-in required"));
    // Nödåtkomst grants count only where they may be used: reading a person or case (GET).
    request.actor = actorForRoute(actor, request.method, request.routeOptions.url);
    if (!hasPermission(actor, permission)) {
      request.deniedByPermission = true;
      throw notFound();
    }
  });
  registerDeniedAccessAudit(app, database);

  app.setErrorHandler((error: FastifyError, request, reply: FastifyReply) => {
    if (error instanceof AppError) {
      return reply
        .code(error.statusCode)
        .headers(error.headers)
        .send(errorBody(error.code, error.message, error.fields));
    }
    const refusal = databaseRefusal(error);
    if (refusal) {
      request.log.info({ err: error }, "database refused input");
      return reply.code(refusal.status).send(refusal.body);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? "body";
      const fields = error.validation.flatMap((v) => {
        const base = v.instancePath.replace(/^\//, "").replaceAll("/", ".");
        const at = (p: string) => [where, p].filter(Boolean).join(".");
        // An unknown field is reported under its own name, one entry per field.
        const keys = v.keyword === "unrecognized_keys" ? ((v.params as { keys?: string[] }).keys ?? []) : [];
        if (keys.length) return keys.map((k) => ({ path: at(base ? `${base}.${k}` : k), message: "Okänt fält / Unknown field" }));
        return [{ path: at(base), message: v.message ?? "Ogiltigt värde / Invalid value" }];
      });
      return reply.code(400).send(errorBody("invalid_input", "Ogiltig indata / Invalid input", fields));
    }
    const status = error.statusCode ?? 500;
    if (status === 413) return reply.code(413).send(errorBody("body_too_large", "För stor begäran / Request body too large"));
    if (status === 429)
      return reply
        .code(429)
        .send(errorBody("rate_limited", "För många försök, vänta en stund / Too many requests, wait a while"));
    if (status === 415) return reply.code(415).send(errorBody("unsupported_media_type", "Skicka JSON / Send JSON"));
    if (status >= 400 && status < 500) {
      // Fastify's own client errors (malformed JSON, empty body). Fixed texts: a parser's message
      // may quote the body, and the body may hold a personnummer.
      if (error.code === "FST_ERR_CTP_INVALID_JSON_BODY" || error instanceof SyntaxError)
        return reply.code(400).send(errorBody("malformed_json", "Ogiltig JSON / Malformed JSON"));
      if (error.code === "FST_ERR_CTP_EMPTY_JSON_BODY")
        return reply.code(400).send(errorBody("empty_body", "Tom begäran / Empty request body"));
      return reply.code(status).send(errorBody("bad_request", "Ogiltig begäran / Bad request"));
    }
    request.log.error({ err: error }, "unhandled error");
    return reply.code(500).send(errorBody("internal", "Internt fel / Internal error"));
  });
}
