import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorResponse, idParams } from "../../../contracts/common";
import {
  createPlanBody,
  planDetail,
  planList,
  planQuery,
  pointBody,
  resultBody,
  staffList,
  systemResultBody,
  updatePlanBody,
  updatePointBody,
} from "../../../contracts/internal-control";
import { type AppContext, now } from "../../app";
import { actorOf } from "../../platform/http";
import {
  addPoint,
  addResult,
  addSystemResult,
  controlStaff,
  createPlan,
  getPlan,
  listPlans,
  planPdf,
  updatePlan,
  updatePoint,
} from "./internal-control.service";

const errors = { 400: errorResponse, 404: errorResponse, 409: errorResponse };
const changed = z.object({ id: z.uuid(), revision: z.number().int() });
const resultCreated = z.object({ id: z.uuid(), outcome: z.string(), value: z.number().nullable() });

export const internalControlRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ["egenkontroll"];
    const config = { permission: "review:manage" as const };
    app.get(
      "/api/internal-control/plans",
      { config, schema: { tags, querystring: planQuery, response: { 200: planList, 400: errorResponse } } },
      async (request) => listPlans(ctx.database, actorOf(request), request.query),
    );
    app.get("/api/internal-control/staff", { config, schema: { tags, response: { 200: staffList } } }, async (request) =>
      controlStaff(ctx.database, actorOf(request)),
    );
    app.post(
      "/api/internal-control/plans",
      { config, schema: { tags, body: createPlanBody, response: { 201: changed, ...errors } } },
      async (request, reply) => reply.code(201).send(await createPlan(ctx.database, actorOf(request), request.body)),
    );
    app.get(
      "/api/internal-control/plans/:id",
      { config, schema: { tags, params: idParams, response: { 200: planDetail, ...errors } } },
      async (request) => getPlan(ctx.database, actorOf(request), request.params.id),
    );
    app.patch(
      "/api/internal-control/plans/:id",
      { config, schema: { tags, params: idParams, body: updatePlanBody, response: { 200: changed, ...errors } } },
      async (request) => updatePlan(ctx.database, actorOf(request), request.params.id, request.body),
    );
    app.get("/api/internal-control/plans/:id/pdf", { config, schema: { tags, params: idParams } }, async (request, reply) => {
      const { year, pdf } = await planPdf(ctx.database, actorOf(request), request.params.id, now(ctx));
      reply.header("content-disposition", `attachment; filename="internkontrollplan-${year}.pdf"`);
      return reply.type("application/pdf").send(pdf);
    });
    app.post(
      "/api/internal-control/plans/:id/points",
      { config, schema: { tags, params: idParams, body: pointBody, response: { 201: changed, ...errors } } },
      async (request, reply) =>
        reply.code(201).send(await addPoint(ctx.database, actorOf(request), request.params.id, request.body)),
    );
    app.put(
      "/api/internal-control/points/:id",
      { config, schema: { tags, params: idParams, body: updatePointBody, response: { 200: changed, ...errors } } },
      async (request) => updatePoint(ctx.database, actorOf(request), request.params.id, request.body),
    );
    app.post(
      "/api/internal-control/points/:id/results",
      { config, schema: { tags, params: idParams, body: resultBody, response: { 201: resultCreated, ...errors } } },
      async (request, reply) =>
        reply.code(201).send(await addResult(ctx.database, actorOf(request), request.params.id, request.body, now(ctx))),
    );
    app.post(
      "/api/internal-control/points/:id/results/system",
      { config, schema: { tags, params: idParams, body: systemResultBody, response: { 201: resultCreated, ...errors } } },
      async (request, reply) =>
        reply.code(201).send(await addSystemResult(ctx.database, actorOf(request), request.params.id, request.body, now(ctx))),
    );
  };
