import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { handlingTimesQuery, handlingTimesResponse } from "../../../contracts/cases";
import { errorResponse } from "../../../contracts/common";
import { type AppContext, now } from "../../app";
import { actorOf } from "../../platform/http";
import { handlingTimesCsv, handlingTimesXlsx } from "./export";
import { handlingTimes } from "./service";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export const handlingTimeRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ["statistics"];
    const config = { permission: "stats:read" as const };
    app.get(
      "/api/reports/handling-times",
      { config, schema: { tags, querystring: handlingTimesQuery, response: { 200: handlingTimesResponse, 400: errorResponse } } },
      async (request) => handlingTimes(ctx.database, actorOf(request), request.query, now(ctx)),
    );
    app.get(
      "/api/reports/handling-times/export",
      {
        config,
        schema: {
          tags,
          querystring: handlingTimesQuery.extend({ format: z.enum(["csv", "xlsx"]) }),
        },
      },
      async (request, reply) => {
        const { format, ...query } = request.query;
        const result = await handlingTimes(ctx.database, actorOf(request), query, now(ctx));
        const name = `handlaggningstider-${result.from}-${result.to}.${format}`;
        reply.header("content-disposition", `attachment; filename="${name}"`);
        if (format === "csv") return reply.type("text/csv; charset=utf-8").send(handlingTimesCsv(result));
        return reply.type(XLSX).send(await handlingTimesXlsx(result));
      },
    );
  };
