import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { errorResponse } from "../../../contracts/common";
import { lateDeadlinesExportQuery, lateDeadlinesQuery, lateDeadlinesResponse } from "../../../contracts/late-deadlines";
import { type AppContext, now } from "../../app";
import { actorOf } from "../../platform/http";
import { lateDeadlinesCsv, lateDeadlinesXlsx } from "./export";
import { lateDeadlines, lateDeadlinesForExport } from "./service";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Egenkontroll: the late-deadline list of any past period, on screen and as CSV/XLSX. */
export const lateDeadlineRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ["egenkontroll"];
    const config = { permission: "review:manage" as const };
    app.get(
      "/api/egenkontroll/late-deadlines",
      { config, schema: { tags, querystring: lateDeadlinesQuery, response: { 200: lateDeadlinesResponse, 400: errorResponse } } },
      async (request) => lateDeadlines(ctx.database, actorOf(request), request.query, now(ctx)),
    );
    app.get(
      "/api/egenkontroll/late-deadlines/export",
      { config, schema: { tags, querystring: lateDeadlinesExportQuery } },
      async (request, reply) => {
        const { format, ...filter } = request.query;
        const rows = await lateDeadlinesForExport(ctx.database, actorOf(request), filter, now(ctx));
        const name = `sena-tidsfrister-${filter.from}-${filter.to}.${format}`;
        reply.header("content-disposition", `attachment; filename="${name}"`);
        reply.header("cache-control", "no-store");
        if (format === "csv") return reply.type("text/csv; charset=utf-8").send(lateDeadlinesCsv(rows, filter));
        return reply.type(XLSX).send(await lateDeadlinesXlsx(rows, filter));
      },
    );
  };
