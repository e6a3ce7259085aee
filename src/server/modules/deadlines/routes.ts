import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { deadlinesQuery, deadlinesResponse } from "../../../contracts/cases";
import { type AppContext, now } from "../../app";
import { actorOf } from "../../platform/http";
import { deadlineOverview } from "./service";

export const deadlineRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/deadlines",
      {
        config: { permission: "case:read" },
        schema: { tags: ["cases"], querystring: deadlinesQuery, response: { 200: deadlinesResponse } },
      },
      async (request) => deadlineOverview(ctx.database, actorOf(request), request.query, now(ctx)),
    );
  };
