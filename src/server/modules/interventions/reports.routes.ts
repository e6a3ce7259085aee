import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { errorResponse } from "../../../contracts/common";
import {
  ivoExportQuery,
  ivoNamndReport as ivoNamndReportSchema,
  ivoQuery,
  ivoReport as ivoReportSchema,
  samladBildExportQuery,
  samladBildQuery,
  samladBildResponse,
} from "../../../contracts/interventions";
import { type AppContext, now } from "../../app";
import { actorOf } from "../../platform/http";
import { ivoNamndReport, ivoReport } from "./ivo.service";
import { ivoNamndPdf, ivoNamndXlsx, ivoPdf, ivoXlsx, samladBildPdf, samladBildXlsx } from "./reports.export";
import { samladBild } from "./samlad-bild.service";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const PDF = "application/pdf";

/**
 * The insats reports: the quarter's decisions not executed within three months (to IVO a list with
 * personnummer, to the nämnd counts through the disclosure module) and the samlad bild of the insatser.
 */
export const interventionReportRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ["statistics"];
    const errors = { 400: errorResponse, 404: errorResponse };

    app.get(
      "/api/reports/ivo",
      {
        config: { permission: "ivo:read" },
        schema: { tags, querystring: ivoQuery, response: { 200: ivoReportSchema, ...errors } },
      },
      async (request) => ivoReport(ctx.database, actorOf(request), request.query, now(ctx)),
    );

    app.get(
      "/api/reports/ivo/namnd",
      {
        config: { permission: "stats:read" },
        schema: { tags, querystring: ivoQuery, response: { 200: ivoNamndReportSchema, ...errors } },
      },
      async (request) => ivoNamndReport(ctx.database, actorOf(request), request.query, now(ctx)),
    );

    // The nämnd version is statistics; the IVO version is checked for ivo:read in the service (404 without).
    app.get(
      "/api/reports/ivo/export",
      { config: { permission: "stats:read" }, schema: { tags, querystring: ivoExportQuery } },
      async (request, reply) => {
        const { format, version, ...query } = request.query;
        const actor = actorOf(request);
        const name = (r: { year: number; quarter: number }) =>
          `ej-verkstallda-beslut-${r.year}-kvartal-${r.quarter}-${version}.${format}`;
        if (version === "namnd") {
          const report = await ivoNamndReport(ctx.database, actor, query, now(ctx));
          reply.header("content-disposition", `attachment; filename="${name(report)}"`);
          if (format === "pdf") return reply.type(PDF).send(await ivoNamndPdf(report));
          return reply.type(XLSX).send(await ivoNamndXlsx(report));
        }
        const report = await ivoReport(ctx.database, actor, query, now(ctx));
        reply.header("content-disposition", `attachment; filename="${name(report)}"`);
        if (format === "pdf") return reply.type(PDF).send(await ivoPdf(report));
        return reply.type(XLSX).send(await ivoXlsx(report));
      },
    );

    app.get(
      "/api/reports/samlad-bild",
      {
        config: { permission: "stats:read" },
        schema: { tags, querystring: samladBildQuery, response: { 200: samladBildResponse, ...errors } },
      },
      async (request) => samladBild(ctx.database, actorOf(request), request.query, now(ctx)),
    );

    app.get(
      "/api/reports/samlad-bild/export",
      { config: { permission: "stats:read" }, schema: { tags, querystring: samladBildExportQuery } },
      async (request, reply) => {
        const { format, ...query } = request.query;
        const report = await samladBild(ctx.database, actorOf(request), query, now(ctx));
        reply.header("content-disposition", `attachment; filename="samlad-bild-insatser-${report.from}-${report.to}.${format}"`);
        if (format === "pdf") return reply.type(PDF).send(await samladBildPdf(report));
        return reply.type(XLSX).send(await samladBildXlsx(report));
      },
    );
  };
