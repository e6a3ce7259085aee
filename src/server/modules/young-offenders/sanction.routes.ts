import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { errorResponse, idParams } from "../../../contracts/common";
import {
  attendanceBody,
  completeBody,
  createJudgmentBody,
  createUoPlanBody,
  judgmentList,
  judgmentView,
  misconductBody,
  placementBody,
  sessionBody,
  uoFollowUpBody,
  uoItemBody,
  uoPlanList,
  uoPlanView,
} from "../../../contracts/ungdomstjanst";
import { type AppContext, now } from "../../app";
import { actorOf } from "../../platform/http";
import * as uo from "./ungdomsovervakning.service";
import * as ut from "./ungdomstjanst.service";

const errors = { 400: errorResponse, 404: errorResponse, 409: errorResponse };

/** Ungdomstjänst and ungdomsövervakning on a case: the youth sanctions the social services carry out or take part in. */
export const youthSanctionRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ["young-offenders"];
    const read = { permission: "case:read" as const };
    const write = { permission: "case:write" as const };
    const judgment = { 200: judgmentView, ...errors };

    app.get(
      "/api/cases/:id/ungdomstjanst",
      { config: read, schema: { tags, params: idParams, response: { 200: judgmentList, ...errors } } },
      async (request) => ut.listJudgments(ctx.database, actorOf(request), request.params.id, now(ctx)),
    );
    app.post(
      "/api/cases/:id/ungdomstjanst",
      { config: write, schema: { tags, params: idParams, body: createJudgmentBody, response: { 201: judgmentView, ...errors } } },
      async (request, reply) =>
        reply.code(201).send(await ut.createJudgment(ctx.database, actorOf(request), request.params.id, request.body, now(ctx))),
    );
    app.put(
      "/api/ungdomstjanst/:id/placement",
      { config: write, schema: { tags, params: idParams, body: placementBody, response: judgment } },
      async (request) => ut.placeJudgment(ctx.database, actorOf(request), request.params.id, request.body, now(ctx)),
    );
    app.post(
      "/api/ungdomstjanst/:id/sessions",
      { config: write, schema: { tags, params: idParams, body: sessionBody, response: { 201: judgmentView, ...errors } } },
      async (request, reply) =>
        reply.code(201).send(await ut.addSession(ctx.database, actorOf(request), request.params.id, request.body, now(ctx))),
    );
    app.put(
      "/api/ungdomstjanst-sessions/:id/attendance",
      { config: write, schema: { tags, params: idParams, body: attendanceBody, response: judgment } },
      async (request) => ut.recordAttendance(ctx.database, actorOf(request), request.params.id, request.body, now(ctx)),
    );
    app.post(
      "/api/ungdomstjanst/:id/misconduct",
      { config: write, schema: { tags, params: idParams, body: misconductBody, response: { 201: judgmentView, ...errors } } },
      async (request, reply) =>
        reply
          .code(201)
          .send(await ut.reportMisconduct(ctx.database, actorOf(request), request.params.id, request.body, now(ctx))),
    );
    app.post(
      "/api/ungdomstjanst/:id/complete",
      { config: write, schema: { tags, params: idParams, body: completeBody, response: judgment } },
      async (request) => ut.completeJudgment(ctx.database, actorOf(request), request.params.id, request.body, now(ctx)),
    );
    app.get(
      "/api/cases/:id/ungdomsovervakning",
      { config: read, schema: { tags, params: idParams, response: { 200: uoPlanList, ...errors } } },
      async (request) => uo.listPlans(ctx.database, actorOf(request), request.params.id, now(ctx)),
    );
    app.post(
      "/api/cases/:id/ungdomsovervakning",
      { config: write, schema: { tags, params: idParams, body: createUoPlanBody, response: { 201: uoPlanView, ...errors } } },
      async (request, reply) =>
        reply.code(201).send(await uo.createPlan(ctx.database, actorOf(request), request.params.id, request.body, now(ctx))),
    );
    app.post(
      "/api/ungdomsovervakning/:id/items",
      { config: write, schema: { tags, params: idParams, body: uoItemBody, response: { 201: uoPlanView, ...errors } } },
      async (request, reply) =>
        reply.code(201).send(await uo.addItem(ctx.database, actorOf(request), request.params.id, request.body, now(ctx))),
    );
    app.post(
      "/api/ungdomsovervakning-items/:id/follow-up",
      { config: write, schema: { tags, params: idParams, body: uoFollowUpBody, response: { 200: uoPlanView, ...errors } } },
      async (request) => uo.followUpItem(ctx.database, actorOf(request), request.params.id, request.body, now(ctx)),
    );
  };
