import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorResponse, idParams, okResponse } from "../../../contracts/common";
import {
  insatsIsu,
  isuScaleBody,
  isuSettings,
  measurementBody,
  measurementPlanBody,
  selfReportAnswersBody,
  selfReportForm,
  selfReportLinkBody,
  selfReportLinkCreated,
  selfReportTokenBody,
  surveyQuestionsBody,
  unitResults,
  unitResultsQuery,
} from "../../../contracts/effects";
import { type AppContext, now } from "../../app";
import { auditAnonymous } from "../../platform/audit";
import { tooManyRequests } from "../../platform/errors";
import { actorOf } from "../../platform/http";
import { hit, type Limit, retryAfterSeconds, throttleKey } from "../../platform/throttle";
import { createSelfReportLink, insatsIsu as readInsatsIsu, recordMeasurement } from "./measurements.service";
import { answerSelfReport, openSelfReport } from "./self-report.service";
import { createScale, getSettings, setMeasurementPlan, setSurveyQuestions, updateScale } from "./settings.service";
import { unitResultsOf } from "./unit-results.service";

const errors = { 400: errorResponse, 404: errorResponse, 409: errorResponse };
const created = z.object({ id: z.uuid() });

const SELF_REPORT_WINDOW_MS = 10 * 60_000;

/**
 * Guessing tokens is pointless (2^256), but the form is open to anyone. Two limits, kept in
 * PostgreSQL so every server instance counts alike: per link (a young person opens and answers
 * their form a few times, never this many), and per client address, higher, since a school's
 * network puts a whole class behind one address and they must not lock each other out.
 */
export function selfReportLimits(config: AppContext["config"]): { link: Limit; address: Limit } {
  const window = { baseDelayMs: SELF_REPORT_WINDOW_MS, maxDelayMs: SELF_REPORT_WINDOW_MS, windowMs: SELF_REPORT_WINDOW_MS };
  return { link: { free: config.selfReportLinkMax, ...window }, address: { free: config.selfReportIpMax, ...window } };
}

export const effectRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ["isu"];
    const manage = { permission: "catalogue:manage" as const };

    app.get(
      "/api/isu/settings",
      { config: { permission: "organisation:read" }, schema: { tags, response: { 200: isuSettings } } },
      async () => getSettings(ctx.database),
    );
    app.post(
      "/api/admin/isu/scales",
      { config: manage, schema: { tags, body: isuScaleBody, response: { 201: created, ...errors } } },
      async (request, reply) => reply.code(201).send(await createScale(ctx.database, actorOf(request), request.body)),
    );
    app.put(
      "/api/admin/isu/scales/:id",
      { config: manage, schema: { tags, params: idParams, body: isuScaleBody, response: { 200: created, ...errors } } },
      async (request) => updateScale(ctx.database, actorOf(request), request.params.id, request.body),
    );
    app.put(
      "/api/admin/isu/survey-questions",
      { config: manage, schema: { tags, body: surveyQuestionsBody, response: { 200: okResponse, ...errors } } },
      async (request) => setSurveyQuestions(ctx.database, actorOf(request), request.body),
    );
    app.put(
      "/api/admin/isu/measurement-plans/:id",
      { config: manage, schema: { tags, params: idParams, body: measurementPlanBody, response: { 200: okResponse, ...errors } } },
      async (request) => setMeasurementPlan(ctx.database, actorOf(request), request.params.id, request.body),
    );

    app.get(
      "/api/insatser/:id/isu",
      { config: { permission: "insats:read" }, schema: { tags, params: idParams, response: { 200: insatsIsu, ...errors } } },
      async (request) => readInsatsIsu(ctx.database, actorOf(request), request.params.id, now(ctx)),
    );
    app.post(
      "/api/insatser/:id/measurements",
      {
        config: { permission: "insats:provide" },
        schema: { tags, params: idParams, body: measurementBody, response: { 201: created, ...errors } },
      },
      async (request, reply) =>
        reply.code(201).send(await recordMeasurement(ctx.database, actorOf(request), request.params.id, request.body, now(ctx))),
    );
    app.post(
      "/api/insatser/:id/self-report-links",
      {
        config: { permission: "insats:provide" },
        schema: { tags, params: idParams, body: selfReportLinkBody, response: { 201: selfReportLinkCreated, ...errors } },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await createSelfReportLink(ctx.database, actorOf(request), request.params.id, request.body, now(ctx))),
    );
    app.get(
      "/api/isu/unit-results",
      {
        config: { permission: "insats:read" },
        schema: { tags, querystring: unitResultsQuery, response: { 200: unitResults, ...errors } },
      },
      async (request) => unitResultsOf(ctx.database, actorOf(request), request.query),
    );

    // The self-report form: no session. The token travels in the body, never in a URL that a log keeps.
    const client = (request: { id: string; ip: string }) => ({ requestId: request.id, clientIp: request.ip });
    const limits = selfReportLimits(ctx.config);
    const withinLimits = async (request: FastifyRequest) => {
      const { token } = request.body as { token: string }; // validated before this hook runs
      const [link, address] = await Promise.all([
        hit(ctx.database.pool, throttleKey("self-report-link", token), limits.link),
        hit(ctx.database.pool, throttleKey("self-report-ip", request.ip), limits.address),
      ]);
      if (!link.refused && !address.refused) return;
      await auditAnonymous(
        ctx.database.db,
        { ...client(request), role: "okand" },
        {
          action: "security.rate_limited",
          permission: "self",
          recordType: "self_report",
          details: { limit: link.refused ? "link" : "address", route: request.routeOptions.url },
        },
      );
      throw tooManyRequests(
        "rate_limited",
        "För många försök, vänta en stund / Too many requests, wait a while",
        Math.max(link.refused ? retryAfterSeconds(link) : 0, address.refused ? retryAfterSeconds(address) : 0),
      );
    };
    const gone = { 410: errorResponse, 429: errorResponse };
    app.post(
      "/api/self-report/form",
      {
        config: { permission: "public" },
        preHandler: withinLimits,
        schema: { tags, body: selfReportTokenBody, response: { 200: selfReportForm, ...errors, ...gone } },
      },
      async (request) => openSelfReport(ctx.database, client(request), request.body.token, now(ctx)),
    );
    app.post(
      "/api/self-report/answers",
      {
        config: { permission: "public" },
        preHandler: withinLimits,
        schema: { tags, body: selfReportAnswersBody, response: { 200: okResponse, ...errors, ...gone } },
      },
      async (request) => answerSelfReport(ctx.database, client(request), request.body, now(ctx)),
    );
  };
