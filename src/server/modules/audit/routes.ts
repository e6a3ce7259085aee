import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { auditListResponse, auditQuery, verifyResponse } from "../../../contracts/audit";
import { errorResponse } from "../../../contracts/common";
import type { AppContext } from "../../app";
import { actorOf } from "../../platform/http";
import { searchAudit, verifyAuditChainAs } from "./service";

export const auditRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/audit",
      {
        config: { permission: "audit:read" },
        schema: { tags: ["audit"], querystring: auditQuery, response: { 200: auditListResponse, 404: errorResponse } },
      },
      async (request) => searchAudit(ctx.database, actorOf(request), request.query),
    );
    app.get(
      "/api/audit/verify",
      { config: { permission: "audit:verify" }, schema: { tags: ["audit"], response: { 200: verifyResponse } } },
      async (request) => verifyAuditChainAs(ctx.database, actorOf(request)),
    );
  };
