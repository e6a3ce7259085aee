import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { errorResponse, idParams } from "../../../contracts/common";
import {
  createYttrandeBody,
  lvuProcessList,
  lvuProcessView,
  lvuStepBody,
  openLvuBody,
  sendYttrandeBody,
  signYttrandeBody,
  updateYttrandeBody,
  youngOffendersQuery,
  youngOffendersReport,
  yttrandeList,
  yttrandeView,
} from "../../../contracts/young-offenders";
import { type AppContext, now } from "../../app";
import { actorOf } from "../../platform/http";
import * as lul from "./lul.service";
import * as lvu from "./lvu.service";
import { youngOffendersReport as report } from "./report.service";

const errors = { 400: errorResponse, 404: errorResponse, 409: errorResponse };

/** LUL yttranden and LVU processes on a case, and the nämnd's figures on them. */
export const youngOffenderRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ["young-offenders"];
    const read = { permission: "case:read" as const };
    const write = { permission: "case:write" as const };

    app.get(
      "/api/cases/:id/lul-yttranden",
      { config: read, schema: { tags, params: idParams, response: { 200: yttrandeList, ...errors } } },
      async (request) => lul.listYttranden(ctx.database, actorOf(request), request.params.id, now(ctx)),
    );
    app.post(
      "/api/cases/:id/lul-yttranden",
      { config: write, schema: { tags, params: idParams, body: createYttrandeBody, response: { 201: yttrandeView, ...errors } } },
      async (request, reply) =>
        reply.code(201).send(await lul.createYttrande(ctx.database, actorOf(request), request.params.id, request.body, now(ctx))),
    );
    app.put(
      "/api/lul-yttranden/:id",
      { config: write, schema: { tags, params: idParams, body: updateYttrandeBody, response: { 200: yttrandeView, ...errors } } },
      async (request) => lul.updateYttrande(ctx.database, actorOf(request), request.params.id, request.body, now(ctx)),
    );
    app.post(
      "/api/lul-yttranden/:id/sign",
      { config: write, schema: { tags, params: idParams, body: signYttrandeBody, response: { 200: yttrandeView, ...errors } } },
      async (request) => lul.signYttrande(ctx.database, actorOf(request), request.params.id, request.body, now(ctx)),
    );
    app.post(
      "/api/lul-yttranden/:id/sent",
      { config: write, schema: { tags, params: idParams, body: sendYttrandeBody, response: { 200: yttrandeView, ...errors } } },
      async (request) => lul.sendYttrande(ctx.database, actorOf(request), request.params.id, request.body, now(ctx)),
    );
    app.get(
      "/api/cases/:id/lvu",
      { config: read, schema: { tags, params: idParams, response: { 200: lvuProcessList, ...errors } } },
      async (request) => lvu.listLvu(ctx.database, actorOf(request), request.params.id, now(ctx)),
    );
    app.post(
      "/api/cases/:id/lvu",
      { config: write, schema: { tags, params: idParams, body: openLvuBody, response: { 201: lvuProcessView, ...errors } } },
      async (request, reply) =>
        reply.code(201).send(await lvu.openLvu(ctx.database, actorOf(request), request.params.id, request.body, now(ctx))),
    );
    app.post(
      "/api/lvu/:id/steps",
      { config: write, schema: { tags, params: idParams, body: lvuStepBody, response: { 201: lvuProcessView, ...errors } } },
      async (request, reply) =>
        reply.code(201).send(await lvu.addLvuStep(ctx.database, actorOf(request), request.params.id, request.body, now(ctx))),
    );
    app.get(
      "/api/reports/young-offenders",
      {
        config: { permission: "stats:read" },
        schema: { tags, querystring: youngOffendersQuery, response: { 200: youngOffendersReport, ...errors } },
      },
      async (request) => report(ctx.database, actorOf(request), request.query, now(ctx)),
    );
  };
