import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Database } from "../db/connection";
import { auditSecurityEvent } from "./audit";

declare module "fastify" {
  interface FastifyRequest {
    /** Set when the route's permission refused the signed-in user (answered 404 like a missing record). */
    deniedByPermission: boolean;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The record a denied request aimed at: the last id in the path parameters, if any. */
function targetOf(request: FastifyRequest): string | undefined {
  const params = (request.params ?? {}) as Record<string, unknown>;
  return Object.values(params)
    .filter((v): v is string => typeof v === "string" && UUID.test(v))
    .at(-1);
}

/**
 * Every request of a signed-in user that is answered 404 — refused by the route's permission, or
 * by the access scope, or asking for what does not exist: the three answer alike on purpose — is
 * a security event in the audit chain (ASVS 16.3.2). Written before the answer leaves, so the row
 * exists when the client sees the 404. Only 404s of matched routes pay for it; the rest pass a
 * status comparison.
 */
export function registerDeniedAccessAudit(app: FastifyInstance, database: Database): void {
  app.decorateRequest("deniedByPermission", false);
  // A callback hook, not an async one: every other answer passes on at once, without a promise.
  app.addHook("onSend", (request, reply, payload, done) => {
    if (reply.statusCode !== 404 || !request.actor || !request.routeOptions.url) return done(null, payload);
    auditSecurityEvent(
      database.db,
      { actor: request.actor, requestId: request.id, clientIp: request.ip },
      {
        action: "security.access_denied",
        recordType: "route",
        recordId: targetOf(request),
        details: {
          method: request.method,
          route: request.routeOptions.url,
          reason: request.deniedByPermission ? "permission" : "not_found_or_out_of_scope",
        },
      },
    ).then(
      () => done(null, payload),
      (error: Error) => done(error),
    );
  });
}
