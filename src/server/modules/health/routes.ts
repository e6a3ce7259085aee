import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app";

export const healthRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      "/api/health",
      {
        config: { permission: "public" },
        schema: {
          tags: ["operations"],
          response: { 200: z.object({ status: z.literal("ok") }), 503: z.object({ status: z.literal("unavailable") }) },
        },
      },
      async (_request, reply) => {
        try {
          await ctx.database.pool.query("select 1");
          return { status: "ok" as const };
        } catch {
          return reply.code(503).send({ status: "unavailable" as const });
        }
      },
    );
  };
