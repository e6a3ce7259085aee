import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { z } from "zod";
import { errorResponse, idParams } from "../../../contracts/common";
import type { Permission } from "../../../domain/roles";
import { type AppContext, now } from "../../app";
import type { Database } from "../../db/connection";
import type { Actor } from "../../platform/actor";
import { actorOf } from "../../platform/http";

type App = Parameters<FastifyPluginAsyncZod>[0];

/**
 * One young-offender route on a record named by its id (a case, a judgment, a plan …): its method,
 * URL, permission, body and answer, and the one service call it makes. Every such route answers the
 * same errors and takes the same tag, so the two route files list what differs and nothing else.
 */
export interface IdRoute<B extends z.ZodType = z.ZodType> {
  method: "GET" | "POST" | "PUT" | "PATCH";
  url: string;
  permission: Permission;
  body?: B;
  /** 201 for a command that adds a record; 200 otherwise. */
  status?: 200 | 201;
  response: z.ZodType;
  run: (database: Database, actor: Actor, id: string, body: z.infer<B>, now: Date) => Promise<unknown>;
}

/** A route of the table, with its body's type carried to `run`. */
export const idRoute = <B extends z.ZodType = z.ZodNever>(r: IdRoute<B>): IdRoute => r as unknown as IdRoute;

const errors = { 400: errorResponse, 404: errorResponse, 409: errorResponse };

/** Registers each route: zod-validated id (and body), declared permission, the service call. */
export function registerIdRoutes(app: App, ctx: AppContext, routes: readonly IdRoute[]) {
  for (const r of routes) {
    const status = r.status ?? 200;
    app.route({
      method: r.method,
      url: r.url,
      config: { permission: r.permission },
      schema: {
        tags: ["young-offenders"],
        params: idParams,
        ...(r.body ? { body: r.body } : {}),
        response: { [status]: r.response, ...errors },
      },
      handler: async (request, reply) => {
        const answer = await r.run(ctx.database, actorOf(request), (request.params as { id: string }).id, request.body, now(ctx));
        // The response schema validates and serializes the answer; its type is the route's, not the table's.
        return reply.code(status).send(answer as never);
      },
    });
  }
}
