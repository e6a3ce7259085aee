import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorResponse, idParams } from "../../../contracts/common";
import {
  carePlanBody,
  catalogueBody,
  catalogueList,
  createInsatsBody,
  endBody,
  followUpBody,
  insatsDetail,
  insatsList,
  insatsPolicy,
  insatsPolicyBody,
  notStartedBody,
  overvagandeBody,
  planBody,
  startBody,
} from "../../../contracts/interventions";
import { type AppContext, now } from "../../app";
import { actorOf } from "../../platform/http";
import { getInsatsPolicy, listCatalogue, saveCatalogueEntry, setInsatsPolicy } from "./catalogue.service";
import {
  createInsats,
  createPlan,
  endInsats,
  getInsats,
  listCaseInsatser,
  listUppdrag,
  recordCarePlan,
  recordFollowUp,
  recordNotStarted,
  recordOvervagande,
  signPlan,
  startInsats,
  updatePlan,
} from "./insatser.service";

const errors = { 400: errorResponse, 404: errorResponse, 409: errorResponse };
const created = z.object({ id: z.uuid() });

export const interventionRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ["interventions"];
    const manage = { permission: "insats:manage" as const };
    const provide = { permission: "insats:provide" as const };
    const read = { permission: "insats:read" as const };

    app.get(
      "/api/insats-catalogue",
      { config: { permission: "organisation:read" }, schema: { tags, response: { 200: catalogueList } } },
      async (request) => listCatalogue(ctx.database, actorOf(request)),
    );
    app.post(
      "/api/admin/insats-catalogue",
      {
        config: { permission: "catalogue:manage" },
        schema: { tags, body: catalogueBody, response: { 201: created, ...errors } },
      },
      async (request, reply) =>
        reply.code(201).send(await saveCatalogueEntry(ctx.database, actorOf(request), null, request.body)),
    );
    app.put(
      "/api/admin/insats-catalogue/:id",
      {
        config: { permission: "catalogue:manage" },
        schema: { tags, params: idParams, body: catalogueBody, response: { 200: created, ...errors } },
      },
      async (request) => saveCatalogueEntry(ctx.database, actorOf(request), request.params.id, request.body),
    );

    app.get(
      "/api/admin/districts/:id/insats-policy",
      { config: { permission: "admin" }, schema: { tags, params: idParams, response: { 200: insatsPolicy, ...errors } } },
      async (request) => getInsatsPolicy(ctx.database, request.params.id),
    );
    app.put(
      "/api/admin/districts/:id/insats-policy",
      {
        config: { permission: "admin" },
        schema: { tags, params: idParams, body: insatsPolicyBody, response: { 200: insatsPolicy, ...errors } },
      },
      async (request) => setInsatsPolicy(ctx.database, actorOf(request), request.params.id, request.body.planDueDays),
    );

    app.get(
      "/api/cases/:id/insatser",
      { config: read, schema: { tags, params: idParams, response: { 200: insatsList, ...errors } } },
      async (request) => listCaseInsatser(ctx.database, actorOf(request), request.params.id, now(ctx)),
    );
    app.post(
      "/api/cases/:id/insatser",
      { config: manage, schema: { tags, params: idParams, body: createInsatsBody, response: { 201: created, ...errors } } },
      async (request, reply) =>
        reply.code(201).send(await createInsats(ctx.database, actorOf(request), request.params.id, request.body, now(ctx))),
    );
    app.get("/api/uppdrag", { config: read, schema: { tags, response: { 200: insatsList, ...errors } } }, async (request) =>
      listUppdrag(ctx.database, actorOf(request), now(ctx)),
    );
    app.get(
      "/api/insatser/:id",
      { config: read, schema: { tags, params: idParams, response: { 200: insatsDetail, ...errors } } },
      async (request) => getInsats(ctx.database, actorOf(request), request.params.id, now(ctx)),
    );
    app.post(
      "/api/insatser/:id/start",
      { config: provide, schema: { tags, params: idParams, body: startBody, response: { 200: created, ...errors } } },
      async (request) => startInsats(ctx.database, actorOf(request), request.params.id, request.body, now(ctx)),
    );
    app.post(
      "/api/insatser/:id/not-started",
      { config: manage, schema: { tags, params: idParams, body: notStartedBody, response: { 200: created, ...errors } } },
      async (request) => recordNotStarted(ctx.database, actorOf(request), request.params.id, request.body),
    );
    app.post(
      "/api/insatser/:id/care-plan",
      { config: manage, schema: { tags, params: idParams, body: carePlanBody, response: { 200: created, ...errors } } },
      async (request) => recordCarePlan(ctx.database, actorOf(request), request.params.id, request.body, now(ctx)),
    );
    app.post(
      "/api/insatser/:id/overvaganden",
      { config: manage, schema: { tags, params: idParams, body: overvagandeBody, response: { 201: created, ...errors } } },
      async (request, reply) =>
        reply.code(201).send(await recordOvervagande(ctx.database, actorOf(request), request.params.id, request.body, now(ctx))),
    );
    app.post(
      "/api/insatser/:id/end",
      { config: manage, schema: { tags, params: idParams, body: endBody, response: { 200: created, ...errors } } },
      async (request) => endInsats(ctx.database, actorOf(request), request.params.id, request.body, now(ctx)),
    );
    app.post(
      "/api/insatser/:id/plans",
      { config: provide, schema: { tags, params: idParams, body: planBody, response: { 201: created, ...errors } } },
      async (request, reply) =>
        reply.code(201).send(await createPlan(ctx.database, actorOf(request), request.params.id, request.body)),
    );
    app.put(
      "/api/plans/:id",
      { config: provide, schema: { tags, params: idParams, body: planBody, response: { 200: created, ...errors } } },
      async (request) => updatePlan(ctx.database, actorOf(request), request.params.id, request.body, now(ctx)),
    );
    app.post(
      "/api/plans/:id/sign",
      { config: provide, schema: { tags, params: idParams, response: { 200: created, ...errors } } },
      async (request) => signPlan(ctx.database, actorOf(request), request.params.id, now(ctx)),
    );
    app.post(
      "/api/insatser/:id/follow-ups",
      { config: provide, schema: { tags, params: idParams, body: followUpBody, response: { 201: created, ...errors } } },
      async (request, reply) =>
        reply.code(201).send(await recordFollowUp(ctx.database, actorOf(request), request.params.id, request.body, now(ctx))),
    );
  };
