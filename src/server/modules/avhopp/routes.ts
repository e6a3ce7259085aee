import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  avhoppListQuery,
  avhoppListResponse,
  avhoppProcessList,
  avhoppProcessView,
  avhoppStepBody,
  openAvhoppBody,
  planFollowUpBody,
} from "../../../contracts/avhopp";
import { errorResponse, idParams } from "../../../contracts/common";
import { type AppContext, now } from "../../app";
import { actorOf } from "../../platform/http";
import * as avhopp from "./service";

const errors = { 400: errorResponse, 404: errorResponse, 409: errorResponse };
const tags = ["avhopp"];

/**
 * Avhopparverksamhet: a process on a case (case:read to see, case:write to work it, in the case's
 * district), and the district's list of processes.
 */
export const avhoppRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const read = { permission: "case:read" as const };
    const write = { permission: "case:write" as const };
    app.get(
      "/api/cases/:id/avhopp",
      { config: read, schema: { tags, params: idParams, response: { 200: avhoppProcessList, ...errors } } },
      async (request) => avhopp.listCaseAvhopp(ctx.database, actorOf(request), request.params.id, now(ctx)),
    );
    app.post(
      "/api/cases/:id/avhopp",
      {
        config: write,
        schema: { tags, params: idParams, body: openAvhoppBody, response: { 201: avhoppProcessView, ...errors } },
      },
      async (request, reply) =>
        reply.code(201).send(await avhopp.openAvhopp(ctx.database, actorOf(request), request.params.id, request.body, now(ctx))),
    );
    app.get(
      "/api/avhopp/:id",
      { config: read, schema: { tags, params: idParams, response: { 200: avhoppProcessView, ...errors } } },
      async (request) => avhopp.getAvhopp(ctx.database, actorOf(request), request.params.id, now(ctx)),
    );
    app.post(
      "/api/avhopp/:id/steps",
      {
        config: write,
        schema: { tags, params: idParams, body: avhoppStepBody, response: { 201: avhoppProcessView, ...errors } },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await avhopp.addAvhoppStep(ctx.database, actorOf(request), request.params.id, request.body, now(ctx))),
    );
    app.post(
      "/api/avhopp/:id/follow-ups",
      {
        config: write,
        schema: { tags, params: idParams, body: planFollowUpBody, response: { 201: avhoppProcessView, ...errors } },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await avhopp.planAvhoppFollowUp(ctx.database, actorOf(request), request.params.id, request.body, now(ctx))),
    );
    app.get(
      "/api/avhopp",
      { config: read, schema: { tags, querystring: avhoppListQuery, response: { 200: avhoppListResponse, ...errors } } },
      async (request) => avhopp.listAvhopp(ctx.database, actorOf(request), request.query),
    );
  };
