import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  assessmentDetail,
  assessmentList,
  assessmentPolicy,
  assessmentPolicyBody,
  createAssessmentBody,
  instrumentDetail,
  instrumentList,
  instrumentListQuery,
  training,
  trainingBody,
  trainingList,
  trainingQuery,
  updateAssessmentBody,
  usageQuery,
  usageResponse,
} from "../../../contracts/assessments";
import { errorResponse, idParams, okResponse } from "../../../contracts/common";
import { stockholmDate } from "../../../domain/time";
import { type AppContext, now } from "../../app";
import { actorOf } from "../../platform/http";
import { createAssessment, getAssessment, listCaseAssessments, signAssessment, updateAssessment } from "./assessments.service";
import { usageXlsx } from "./export";
import { getInstrument, importInstrument, listInstruments, retireInstrument } from "./instruments.service";
import { getAssessmentPolicy, setAssessmentPolicy } from "./policy";
import { listTrainings, registerTraining, trainableStaff } from "./trainings.service";
import { assessmentUsage } from "./usage.service";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const errors = { 400: errorResponse, 404: errorResponse, 409: errorResponse };
const created = z.object({ id: z.uuid() });

export const assessmentRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const today = () => stockholmDate(now(ctx));

    // Instrument definitions: configuration, readable by all staff; import and retire by the administrator.
    {
      const tags = ["instruments"];
      const read = { permission: "instrument:read" as const };
      const manage = { permission: "instrument:manage" as const };
      app.get(
        "/api/instruments",
        { config: read, schema: { tags, querystring: instrumentListQuery, response: { 200: instrumentList, ...errors } } },
        async (request) => listInstruments(ctx.database, request.query.includeRetired),
      );
      app.get(
        "/api/instruments/:id",
        { config: read, schema: { tags, params: idParams, response: { 200: instrumentDetail, ...errors } } },
        async (request) => getInstrument(ctx.database, request.params.id),
      );
      app.get("/api/instruments/:id/export", { config: read, schema: { tags, params: idParams } }, async (request, reply) => {
        const instrument = await getInstrument(ctx.database, request.params.id);
        reply.header("content-disposition", `attachment; filename="${instrument.key}-${instrument.version}.json"`);
        return reply.type("application/json; charset=utf-8").send(JSON.stringify(instrument.definition, null, 2));
      });
      app.post(
        "/api/admin/instruments",
        // The body is checked by the domain's definition schema, which reports every problem with its path.
        {
          config: manage,
          bodyLimit: 1_048_576,
          schema: { tags, body: z.record(z.string(), z.unknown()), response: { 201: created, ...errors } },
        },
        async (request, reply) => reply.code(201).send(await importInstrument(ctx.database, actorOf(request), request.body)),
      );
      app.post(
        "/api/admin/instruments/:id/retire",
        { config: manage, schema: { tags, params: idParams, response: { 200: okResponse, ...errors } } },
        async (request) => retireInstrument(ctx.database, actorOf(request), request.params.id),
      );
    }

    // Training register.
    {
      const tags = ["trainings"];
      app.get(
        "/api/trainings",
        {
          config: { permission: "training:read" },
          schema: { tags, querystring: trainingQuery, response: { 200: trainingList, ...errors } },
        },
        async (request) => listTrainings(ctx.database, actorOf(request), request.query, today()),
      );
      app.get(
        "/api/trainings/staff",
        {
          config: { permission: "training:manage" },
          schema: { tags, response: { 200: z.object({ items: z.array(z.object({ id: z.uuid(), displayName: z.string() })) }) } },
        },
        async (request) => trainableStaff(ctx.database, actorOf(request)),
      );
      app.post(
        "/api/trainings",
        {
          config: { permission: "training:manage" },
          schema: { tags, body: trainingBody, response: { 201: training, ...errors } },
        },
        async (request, reply) =>
          reply.code(201).send(await registerTraining(ctx.database, actorOf(request), request.body, today())),
      );
    }

    // Assessments on a case.
    {
      const tags = ["assessments"];
      const read = { permission: "case:read" as const };
      const write = { permission: "case:write" as const };
      app.get(
        "/api/cases/:id/assessments",
        { config: read, schema: { tags, params: idParams, response: { 200: assessmentList, ...errors } } },
        async (request) => listCaseAssessments(ctx.database, actorOf(request), request.params.id),
      );
      app.post(
        "/api/cases/:id/assessments",
        { config: write, schema: { tags, params: idParams, body: createAssessmentBody, response: { 201: created, ...errors } } },
        async (request, reply) =>
          reply.code(201).send(await createAssessment(ctx.database, actorOf(request), request.params.id, request.body, now(ctx))),
      );
      app.get(
        "/api/assessments/:id",
        { config: read, schema: { tags, params: idParams, response: { 200: assessmentDetail, ...errors } } },
        async (request) => getAssessment(ctx.database, actorOf(request), request.params.id, now(ctx)),
      );
      app.put(
        "/api/assessments/:id",
        { config: write, schema: { tags, params: idParams, body: updateAssessmentBody, response: { 200: created, ...errors } } },
        async (request) => updateAssessment(ctx.database, actorOf(request), request.params.id, request.body, now(ctx)),
      );
      app.post(
        "/api/assessments/:id/sign",
        { config: write, schema: { tags, params: idParams, response: { 200: created, ...errors } } },
        async (request) => signAssessment(ctx.database, actorOf(request), request.params.id, now(ctx)),
      );
    }

    // District policy and usage statistics.
    app.get(
      "/api/admin/districts/:id/assessment-policy",
      {
        config: { permission: "admin" },
        schema: { tags: ["admin"], params: idParams, response: { 200: assessmentPolicy, ...errors } },
      },
      async (request) => getAssessmentPolicy(ctx.database, request.params.id),
    );
    app.put(
      "/api/admin/districts/:id/assessment-policy",
      {
        config: { permission: "admin" },
        schema: { tags: ["admin"], params: idParams, body: assessmentPolicyBody, response: { 200: assessmentPolicy, ...errors } },
      },
      async (request) =>
        setAssessmentPolicy(ctx.database, actorOf(request), request.params.id, request.body.requireStructuredAssessment),
    );
    const stats = { permission: "stats:read" as const };
    app.get(
      "/api/reports/assessment-usage",
      { config: stats, schema: { tags: ["statistics"], querystring: usageQuery, response: { 200: usageResponse, ...errors } } },
      async (request) => assessmentUsage(ctx.database, actorOf(request), request.query),
    );
    app.get(
      "/api/reports/assessment-usage/export",
      { config: stats, schema: { tags: ["statistics"], querystring: usageQuery.extend({ format: z.enum(["xlsx"]) }) } },
      async (request, reply) => {
        const usage = await assessmentUsage(ctx.database, actorOf(request), request.query);
        reply.header("content-disposition", `attachment; filename="strukturerade-bedomningar-${usage.from}-${usage.to}.xlsx"`);
        return reply.type(XLSX).send(await usageXlsx(usage));
      },
    );
  };
