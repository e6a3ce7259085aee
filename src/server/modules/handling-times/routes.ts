import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { handlingTimesQuery, handlingTimesResponse } from "../../../contracts/cases";
import { errorResponse } from "../../../contracts/common";
import type { AppContext } from "../../app";
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
      async (request) => handlingTimes(ctx.database, actorOf(request), request.query),
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
        const result = await handlingTimes(ctx.database, actorOf(request), request.query);
        const name = `handlaggningstider-${result.from}-${result.to}.${request.query.format}`;
        reply.header("content-disposition", `attachment; filename="${name}"`);
        if (request.query.format === "csv") return reply.type("text/csv; charset=utf-8").send(handlingTimesCsv(result));
        return reply.type(XLSX).send(await handlingTimesXlsx(result));
      },
    );
  };
