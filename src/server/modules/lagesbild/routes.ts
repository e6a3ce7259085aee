import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { errorResponse, idParams } from "../../../contracts/common";
import {
  created,
  createLagesbildBody,
  createMeasureBody,
  decideLagesbildBody,
  lagesbildDetail,
  lagesbildList,
  lagesbildListQuery,
  measure,
  measureParams,
  updateLagesbildBody,
  updateMeasureBody,
  versionCreated,
  versionQuery,
} from "../../../contracts/lagesbild";
import { stockholmDate } from "../../../domain/time";
import { type AppContext, now } from "../../app";
import { actorOf } from "../../platform/http";
import { lagesbildPdf, lagesbildXlsx } from "./export";
import {
  createLagesbild,
  createMeasure,
  decideLagesbild,
  getLagesbild,
  listLagesbilder,
  updateLagesbild,
  updateMeasure,
} from "./service";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const PDF = "application/pdf";
const errors = { 400: errorResponse, 404: errorResponse, 409: errorResponse };

/**
 * Lägesbild and åtgärdsplan (lag 2023:196, issue 21): read by samordnare, enhetschef, kvalitet and
 * analytiker (aggregates only), written by samordnare and enhetschef, decided by enhetschef.
 */
export const lagesbildRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ["lagesbild"];
    const read = { permission: "lagesbild:read" as const };
    const manage = { permission: "lagesbild:manage" as const };

    app.get(
      "/api/lagesbilder",
      { config: read, schema: { tags, querystring: lagesbildListQuery, response: { 200: lagesbildList, ...errors } } },
      async (request) => listLagesbilder(ctx.database, actorOf(request), request.query, stockholmDate(now(ctx))),
    );
    app.post(
      "/api/lagesbilder",
      { config: manage, schema: { tags, body: createLagesbildBody, response: { 201: created, ...errors } } },
      async (request, reply) => reply.code(201).send(await createLagesbild(ctx.database, actorOf(request), request.body)),
    );
    app.get(
      "/api/lagesbilder/:id",
      {
        config: read,
        schema: { tags, params: idParams, querystring: versionQuery, response: { 200: lagesbildDetail, ...errors } },
      },
      async (request) => getLagesbild(ctx.database, actorOf(request), request.params.id, request.query.version, now(ctx)),
    );
    app.patch(
      "/api/lagesbilder/:id",
      {
        config: manage,
        schema: { tags, params: idParams, body: updateLagesbildBody, response: { 200: versionCreated, ...errors } },
      },
      async (request) => updateLagesbild(ctx.database, actorOf(request), request.params.id, request.body),
    );
    app.post(
      "/api/lagesbilder/:id/decide",
      {
        config: { permission: "lagesbild:decide" },
        schema: { tags, params: idParams, body: decideLagesbildBody, response: { 200: versionCreated, ...errors } },
      },
      async (request) => decideLagesbild(ctx.database, actorOf(request), request.params.id, request.body, now(ctx)),
    );
    app.get(
      "/api/lagesbilder/:id/export.pdf",
      { config: read, schema: { tags, params: idParams, querystring: versionQuery } },
      async (request, reply) => {
        const l = await getLagesbild(ctx.database, actorOf(request), request.params.id, request.query.version, now(ctx));
        reply.header("content-disposition", `attachment; filename="lagesbild-${l.year}-v${l.version}.pdf"`);
        return reply.type(PDF).send(await lagesbildPdf(l));
      },
    );
    app.get(
      "/api/lagesbilder/:id/export.xlsx",
      { config: read, schema: { tags, params: idParams, querystring: versionQuery } },
      async (request, reply) => {
        const l = await getLagesbild(ctx.database, actorOf(request), request.params.id, request.query.version, now(ctx));
        reply.header("content-disposition", `attachment; filename="lagesbild-${l.year}-v${l.version}.xlsx"`);
        return reply.type(XLSX).send(await lagesbildXlsx(l));
      },
    );
    app.post(
      "/api/lagesbilder/:id/measures",
      { config: manage, schema: { tags, params: idParams, body: createMeasureBody, response: { 201: measure, ...errors } } },
      async (request, reply) =>
        reply.code(201).send(await createMeasure(ctx.database, actorOf(request), request.params.id, request.body, now(ctx))),
    );
    app.patch(
      "/api/lagesbilder/:id/measures/:measureId",
      {
        config: manage,
        schema: { tags, params: measureParams, body: updateMeasureBody, response: { 200: measure, ...errors } },
      },
      async (request) =>
        updateMeasure(ctx.database, actorOf(request), request.params.id, request.params.measureId, request.body, now(ctx)),
    );
  };
