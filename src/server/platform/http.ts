import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import type { Permission } from "../../domain/roles";
import type { Database } from "../db/connection";
import { type Actor, hasPermission } from "./actor";
import type { Config } from "./config";
import { AppError, notFound, unauthenticated } from "./errors";
import { actorForSession, SESSION_COOKIE } from "./sessions";

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
      return new URL(origin).host !== request.headers.host;
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
    const token = request.cookies[SESSION_COOKIE];
    const actor = token ? await actorForSession(database.db, config, token, request) : null;
    if (!actor) return reply.code(401).send(errorBody("unauthenticated", "Inloggning krävs / Sign-in required"));
    if (!hasPermission(actor, permission)) throw notFound();
    request.actor = actor;
  });

  app.setErrorHandler((error: FastifyError, request, reply: FastifyReply) => {
    if (error instanceof AppError) {
      return reply.code(error.statusCode).send(errorBody(error.code, error.message, error.fields));
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
