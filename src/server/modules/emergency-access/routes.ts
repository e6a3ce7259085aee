import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { errorResponse, idParams } from "../../../contracts/common";
import {
  emergencyGrant,
  emergencyGrantList,
  emergencyRequestBody,
  emergencyReviewBody,
  emergencyReviewItem,
  emergencyReviewList,
  emergencyReviewQuery,
} from "../../../contracts/emergency-access";
import { type AppContext, now } from "../../app";
import { actorOf } from "../../platform/http";
import { endEmergencyAccess, myGrants, requestEmergencyAccess, reviewGrant, reviewList } from "./service";

const errors = { 400: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse };

/** Nödåtkomst: ask for, list and end one's own grants (person:read); review them (review:manage). */
export const emergencyAccessRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ["emergency-access"];
    app.post(
      "/api/emergency-access",
      {
        config: { permission: "person:read" },
        schema: { tags, body: emergencyRequestBody, response: { 201: emergencyGrant, ...errors } },
      },
      async (request, reply) =>
        reply.code(201).send(await requestEmergencyAccess(ctx.database, actorOf(request), request.body, now(ctx))),
    );
    app.get(
      "/api/emergency-access/mine",
      { config: { permission: "person:read" }, schema: { tags, response: { 200: emergencyGrantList } } },
      async (request) => ({ items: await myGrants(ctx.database, actorOf(request), now(ctx)) }),
    );
    app.post(
      "/api/emergency-access/:id/end",
      { config: { permission: "person:read" }, schema: { tags, params: idParams, response: { 200: emergencyGrant, ...errors } } },
      async (request) => endEmergencyAccess(ctx.database, actorOf(request), request.params.id, now(ctx)),
    );
    app.get(
      "/api/emergency-access/reviews",
      {
        config: { permission: "review:manage" },
        schema: { tags, querystring: emergencyReviewQuery, response: { 200: emergencyReviewList, 400: errorResponse } },
      },
      async (request) => reviewList(ctx.database, actorOf(request), request.query, now(ctx)),
    );
    app.post(
      "/api/emergency-access/:id/review",
      {
        config: { permission: "review:manage" },
        schema: { tags, params: idParams, body: emergencyReviewBody, response: { 200: emergencyReviewItem, ...errors } },
      },
      async (request) => reviewGrant(ctx.database, actorOf(request), request.params.id, request.body, now(ctx)),
    );
  };
