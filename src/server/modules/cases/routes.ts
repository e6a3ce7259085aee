import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  assignBody,
  caseAssigned,
  caseClosed,
  caseDetail,
  caseListQuery,
  caseListResponse,
  caseloadResponse,
  closeCaseBody,
  closeReasonsResponse,
  completeInvestigationBody,
  createReportBody,
  decisionBody,
  decisionRecorded,
  extensionBody,
  extensionRecorded,
  investigationCompleted,
  journalBody,
  journalRecorded,
  methodsBody,
  methodsSet,
  preAssessmentBody,
  preAssessmentRecorded,
  protectionAssessmentBody,
  protectionRecorded,
  reportCreated,
} from "../../../contracts/cases";
import { coHandlerBody, coHandlerChanged, coHandlerParams } from "../../../contracts/co-handlers";
import { errorResponse, idParams, textUpTo } from "../../../contracts/common";
import { type AppContext, now } from "../../app";
import { actorOf } from "../../platform/http";
import * as cases from "./case.service";
import { addCoHandler, removeCoHandler } from "./co-handlers";
import * as flow from "./flow.service";

const errors = { 400: errorResponse, 404: errorResponse, 409: errorResponse };

export const caseRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ["cases"];
    const write = { permission: "case:write" as const };
    const read = { permission: "case:read" as const };

    app.post(
      "/api/reports",
      { config: write, schema: { tags, body: createReportBody, response: { 201: reportCreated, ...errors } } },
      async (request, reply) =>
        reply.code(201).send(await flow.createReport(ctx.database, actorOf(request), request.body, now(ctx))),
    );
    app.post(
      "/api/reports/:id/protection-assessment",
      {
        config: write,
        schema: { tags, params: idParams, body: protectionAssessmentBody, response: { 201: protectionRecorded, ...errors } },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await flow.recordProtectionAssessment(ctx.database, actorOf(request), request.params.id, request.body, now(ctx))),
    );
    app.post(
      "/api/reports/:id/pre-assessment",
      {
        config: write,
        schema: { tags, params: idParams, body: preAssessmentBody, response: { 201: preAssessmentRecorded, ...errors } },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await flow.recordPreAssessment(ctx.database, actorOf(request), request.params.id, request.body, now(ctx))),
    );
    app.post(
      "/api/investigations/:id/extensions",
      { config: write, schema: { tags, params: idParams, body: extensionBody, response: { 201: extensionRecorded, ...errors } } },
      async (request, reply) =>
        reply
          .code(201)
          .send(await flow.extendInvestigation(ctx.database, actorOf(request), request.params.id, request.body, now(ctx))),
    );
    app.put(
      "/api/investigations/:id/methods",
      { config: write, schema: { tags, params: idParams, body: methodsBody, response: { 200: methodsSet, ...errors } } },
      async (request) => flow.setInvestigationMethods(ctx.database, actorOf(request), request.params.id, request.body.methods),
    );
    app.post(
      "/api/investigations/:id/complete",
      {
        config: write,
        schema: { tags, params: idParams, body: completeInvestigationBody, response: { 200: investigationCompleted, ...errors } },
      },
      async (request) => flow.completeInvestigation(ctx.database, actorOf(request), request.params.id, request.body, now(ctx)),
    );
    app.get(
      "/api/cases",
      { config: read, schema: { tags, querystring: caseListQuery, response: { 200: caseListResponse, ...errors } } },
      async (request) => cases.listCases(ctx.database, actorOf(request), request.query, now(ctx)),
    );
    app.get(
      "/api/cases/:id",
      { config: read, schema: { tags, params: idParams, response: { 200: caseDetail, ...errors } } },
      async (request) => cases.getCase(ctx.database, actorOf(request), request.params.id),
    );
    app.post(
      "/api/cases/:id/decisions",
      { config: write, schema: { tags, params: idParams, body: decisionBody, response: { 201: decisionRecorded, ...errors } } },
      async (request, reply) =>
        reply.code(201).send(await cases.takeDecision(ctx.database, actorOf(request), request.params.id, request.body, now(ctx))),
    );
    app.post(
      "/api/cases/:id/journal",
      { config: write, schema: { tags, params: idParams, body: journalBody, response: { 201: journalRecorded, ...errors } } },
      async (request, reply) =>
        reply
          .code(201)
          .send(await cases.addJournalEntry(ctx.database, actorOf(request), request.params.id, request.body, now(ctx))),
    );
    app.patch(
      "/api/journal/:id",
      {
        config: write,
        schema: {
          tags,
          params: idParams,
          body: z.strictObject({ text: textUpTo(20_000).trim().min(1), sign: z.boolean().default(false) }),
          response: { 200: journalRecorded, ...errors },
        },
      },
      async (request) =>
        cases.updateJournalEntry(
          ctx.database,
          actorOf(request),
          request.params.id,
          request.body.text,
          request.body.sign,
          now(ctx),
        ),
    );
    app.post(
      "/api/cases/:id/close",
      { config: write, schema: { tags, params: idParams, body: closeCaseBody, response: { 200: caseClosed, ...errors } } },
      async (request) => cases.closeCase(ctx.database, actorOf(request), request.params.id, request.body, now(ctx)),
    );
    app.put(
      "/api/cases/:id/assignment",
      {
        config: { permission: "case:assign" },
        schema: { tags, params: idParams, body: assignBody, response: { 200: caseAssigned, ...errors } },
      },
      async (request) => cases.assignCase(ctx.database, actorOf(request), request.params.id, request.body),
    );
    app.post(
      "/api/cases/:id/co-handlers",
      {
        config: { permission: "case:assign" },
        schema: { tags, params: idParams, body: coHandlerBody, response: { 201: coHandlerChanged, ...errors } },
      },
      async (request, reply) =>
        reply.code(201).send(await addCoHandler(ctx.database, actorOf(request), request.params.id, request.body, now(ctx))),
    );
    app.delete(
      "/api/cases/:id/co-handlers/:userId",
      {
        config: { permission: "case:assign" },
        schema: { tags, params: coHandlerParams, response: { 200: coHandlerChanged, ...errors } },
      },
      async (request) => removeCoHandler(ctx.database, actorOf(request), request.params.id, request.params.userId, now(ctx)),
    );
    app.get(
      "/api/caseload",
      { config: { permission: "case:assign" }, schema: { tags, response: { 200: caseloadResponse } } },
      async (request) => cases.caseload(ctx.database, actorOf(request)),
    );
    app.get("/api/close-reasons", { config: read, schema: { tags, response: { 200: closeReasonsResponse } } }, async () =>
      cases.listCloseReasons(ctx.database),
    );
  };
