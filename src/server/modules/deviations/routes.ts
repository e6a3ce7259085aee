import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorResponse, idParams } from "../../../contracts/common";
import {
  actionBody,
  classifyBody,
  closeBody,
  createDeviationBody,
  deviationDetail,
  deviationList,
  deviationListQuery,
  deviationStaff,
  deviationStats,
  deviationStatsQuery,
  followUpBody,
  investigationBody,
  ivoNotificationBody,
  stepResult,
} from "../../../contracts/deviations";
import { type AppContext, now } from "../../app";
import { actorOf } from "../../platform/http";
import {
  addDeviationAction,
  classifyDeviation,
  closeDeviation,
  followUpDeviation,
  getDeviation,
  investigateDeviation,
  listDeviations,
  deviationStaff as listStaff,
  recordIvoNotification,
  reportDeviation,
} from "./service";
import { deviationStatistics } from "./statistics.service";

const errors = { 400: errorResponse, 404: errorResponse, 409: errorResponse };

/** Avvikelser and lex Sarah: report (anyone who works with the cases), the workflow (managers), statistics. */
export const deviationRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ["deviations"];
    const report = { permission: "deviation:report" as const };
    const manage = { permission: "deviation:manage" as const };

    app.post(
      "/api/deviations",
      { config: report, schema: { tags, body: createDeviationBody, response: { 201: z.object({ id: z.uuid() }), ...errors } } },
      async (request, reply) =>
        reply.code(201).send(await reportDeviation(ctx.database, actorOf(request), request.body, now(ctx))),
    );
    app.get(
      "/api/deviations",
      { config: report, schema: { tags, querystring: deviationListQuery, response: { 200: deviationList, ...errors } } },
      async (request) => listDeviations(ctx.database, actorOf(request), request.query),
    );
    app.get("/api/deviations/staff", { config: manage, schema: { tags, response: { 200: deviationStaff } } }, async (request) =>
      listStaff(ctx.database, actorOf(request)),
    );
    app.get(
      "/api/deviations/statistics",
      {
        config: { permission: "stats:read" },
        schema: { tags: ["statistics"], querystring: deviationStatsQuery, response: { 200: deviationStats, 400: errorResponse } },
      },
      async (request) => deviationStatistics(ctx.database, actorOf(request), request.query, now(ctx)),
    );
    app.get(
      "/api/deviations/:id",
      { config: report, schema: { tags, params: idParams, response: { 200: deviationDetail, ...errors } } },
      async (request) => getDeviation(ctx.database, actorOf(request), request.params.id),
    );
    app.post(
      "/api/deviations/:id/classification",
      { config: manage, schema: { tags, params: idParams, body: classifyBody, response: { 200: stepResult, ...errors } } },
      async (request) => classifyDeviation(ctx.database, actorOf(request), request.params.id, request.body, now(ctx)),
    );
    app.post(
      "/api/deviations/:id/investigation",
      { config: manage, schema: { tags, params: idParams, body: investigationBody, response: { 200: stepResult, ...errors } } },
      async (request) => investigateDeviation(ctx.database, actorOf(request), request.params.id, request.body, now(ctx)),
    );
    app.post(
      "/api/deviations/:id/actions",
      { config: manage, schema: { tags, params: idParams, body: actionBody, response: { 201: stepResult, ...errors } } },
      async (request, reply) =>
        reply.code(201).send(await addDeviationAction(ctx.database, actorOf(request), request.params.id, request.body)),
    );
    app.post(
      "/api/deviations/:id/ivo-notification",
      { config: manage, schema: { tags, params: idParams, body: ivoNotificationBody, response: { 200: stepResult, ...errors } } },
      async (request) => recordIvoNotification(ctx.database, actorOf(request), request.params.id, request.body, now(ctx)),
    );
    app.post(
      "/api/deviations/:id/follow-up",
      { config: manage, schema: { tags, params: idParams, body: followUpBody, response: { 200: stepResult, ...errors } } },
      async (request) => followUpDeviation(ctx.database, actorOf(request), request.params.id, request.body, now(ctx)),
    );
    app.post(
      "/api/deviations/:id/close",
      { config: manage, schema: { tags, params: idParams, body: closeBody, response: { 200: stepResult, ...errors } } },
      async (request) => closeDeviation(ctx.database, actorOf(request), request.params.id, request.body, now(ctx)),
    );
  };
