import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorResponse, idParams, okResponse } from "../../../contracts/common";
import {
  areaList,
  createAreaBody,
  created,
  createIncidentBody,
  createShiftBody,
  districtQuery,
  heatQuery,
  heatReport as heatReportShape,
  incident,
  incidentList,
  incidentListQuery,
  resubmitIncidentBody,
  reviewIncidentBody,
  shiftDetail,
  shiftList,
  shiftListQuery,
  staffList,
  updateAreaBody,
} from "../../../contracts/fieldwork";
import { INCIDENT_STATUSES } from "../../../domain/fieldwork/vocabulary";
import { type AppContext, now } from "../../app";
import { actorOf } from "../../platform/http";
import { createArea, listAreas, updateArea } from "./areas.service";
import { heatReport } from "./heat.service";
import { createIncident, getIncident, listIncidents, resubmitIncident, reviewIncident } from "./incidents.service";
import { createShift, getShift, listShifts, listStaff } from "./shifts.service";

const errors = { 400: errorResponse, 404: errorResponse, 409: errorResponse };
const reviewed = z.object({ ok: z.literal(true), status: z.enum(INCIDENT_STATUSES) });
const resubmitted = z.object({ ok: z.literal(true), status: z.literal("submitted") });

/**
 * Fältarbete (issue 21): the district's areas as polygons, the shift log (anonymous counts, no
 * personal data), heat per area through the disclosure module, and händelserapporter that a manager
 * approves before they count.
 */
export const fieldworkRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ["fältarbete"];
    const read = { permission: "fieldwork:read" as const };
    const log = { permission: "fieldwork:log" as const };
    const manage = { permission: "fieldwork:manage" as const };

    app.get(
      "/api/fieldwork/areas",
      { config: read, schema: { tags, querystring: districtQuery, response: { 200: areaList, ...errors } } },
      async (request) => listAreas(ctx.database, actorOf(request), request.query.districtId),
    );
    app.post(
      "/api/fieldwork/areas",
      { config: manage, schema: { tags, body: createAreaBody, response: { 201: created, ...errors } } },
      async (request, reply) => reply.code(201).send(await createArea(ctx.database, actorOf(request), request.body)),
    );
    app.patch(
      "/api/fieldwork/areas/:id",
      { config: manage, schema: { tags, params: idParams, body: updateAreaBody, response: { 200: okResponse, ...errors } } },
      async (request) => updateArea(ctx.database, actorOf(request), request.params.id, request.body),
    );
    app.get(
      "/api/fieldwork/staff",
      { config: log, schema: { tags, querystring: districtQuery, response: { 200: staffList, ...errors } } },
      async (request) => listStaff(ctx.database, actorOf(request), request.query.districtId),
    );
    app.get(
      "/api/fieldwork/shifts",
      { config: read, schema: { tags, querystring: shiftListQuery, response: { 200: shiftList, ...errors } } },
      async (request) => listShifts(ctx.database, actorOf(request), request.query),
    );
    app.post(
      "/api/fieldwork/shifts",
      { config: log, schema: { tags, body: createShiftBody, response: { 201: created, ...errors } } },
      async (request, reply) => reply.code(201).send(await createShift(ctx.database, actorOf(request), request.body)),
    );
    app.get(
      "/api/fieldwork/shifts/:id",
      { config: read, schema: { tags, params: idParams, response: { 200: shiftDetail, ...errors } } },
      async (request) => getShift(ctx.database, actorOf(request), request.params.id),
    );
    app.get(
      "/api/fieldwork/heat",
      { config: read, schema: { tags, querystring: heatQuery, response: { 200: heatReportShape, ...errors } } },
      async (request) => heatReport(ctx.database, actorOf(request), request.query),
    );

    app.get(
      "/api/incidents",
      { config: log, schema: { tags, querystring: incidentListQuery, response: { 200: incidentList, ...errors } } },
      async (request) => listIncidents(ctx.database, actorOf(request), request.query),
    );
    app.post(
      "/api/incidents",
      { config: log, schema: { tags, body: createIncidentBody, response: { 201: created, ...errors } } },
      async (request, reply) =>
        reply.code(201).send(await createIncident(ctx.database, actorOf(request), request.body, now(ctx))),
    );
    app.get(
      "/api/incidents/:id",
      { config: log, schema: { tags, params: idParams, response: { 200: incident, ...errors } } },
      async (request) => getIncident(ctx.database, actorOf(request), request.params.id),
    );
    app.post(
      "/api/incidents/:id/review",
      { config: manage, schema: { tags, params: idParams, body: reviewIncidentBody, response: { 200: reviewed, ...errors } } },
      async (request) => reviewIncident(ctx.database, actorOf(request), request.params.id, request.body, now(ctx)),
    );
    app.post(
      "/api/incidents/:id/resubmit",
      {
        config: log,
        schema: { tags, params: idParams, body: resubmitIncidentBody, response: { 200: resubmitted, ...errors } },
      },
      async (request) => resubmitIncident(ctx.database, actorOf(request), request.params.id, request.body, now(ctx)),
    );
  };
