import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { errorResponse } from "../../../contracts/common";
import { effectExportQuery, effectQuery, effectReport as effectReportSchema } from "../../../contracts/effects";
import { type AppContext, now } from "../../app";
import { actorOf } from "../../platform/http";
import { effectPdf, effectXlsx } from "./report.export";
import { effectReport } from "./report.service";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const PDF = "application/pdf";

/** The ISU effect report for the nämnd (aggregates, suppressed), as JSON and as PDF/XLSX. */
export const effectReportRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ["statistics"];
    const errors = { 400: errorResponse, 404: errorResponse };

    app.get(
      "/api/reports/effects",
      {
        config: { permission: "stats:read" },
        schema: { tags, querystring: effectQuery, response: { 200: effectReportSchema, ...errors } },
      },
      async (request) => effectReport(ctx.database, actorOf(request), request.query, now(ctx)),
    );

    app.get(
      "/api/reports/effects/export",
      { config: { permission: "stats:read" }, schema: { tags, querystring: effectExportQuery } },
      async (request, reply) => {
        const { format, ...query } = request.query;
        const report = await effectReport(ctx.database, actorOf(request), query, now(ctx));
        reply.header("content-disposition", `attachment; filename="effekter-insatser-${report.from}-${report.to}.${format}"`);
        if (format === "pdf") return reply.type(PDF).send(await effectPdf(report));
        return reply.type(XLSX).send(await effectXlsx(report));
      },
    );
  };
