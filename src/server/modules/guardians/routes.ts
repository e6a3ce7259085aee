import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorResponse, idParams, okResponse } from "../../../contracts/common";
import {
  childViewRecorded,
  createChildViewBody,
  createNoticeBody,
  createRelationBody,
  noticeRecorded,
  participationResponse,
  relatedPerson,
  relationList,
} from "../../../contracts/guardians";
import { type AppContext, now } from "../../app";
import { actorOf } from "../../platform/http";
import { getParticipation, recordChildView, recordNotice } from "./participation.service";
import { createRelation, listRelations, removeRelation } from "./relations.service";

const errors = { 400: errorResponse, 404: errorResponse, 409: errorResponse };

/** Guardians and the child's voice (issue 18 point 3): närstående, guardians informed, barnets syn. */
export const guardianRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ["guardians"];
    app.get(
      "/api/persons/:id/relations",
      { config: { permission: "person:read" }, schema: { tags, params: idParams, response: { 200: relationList, ...errors } } },
      async (request) => ({ items: await listRelations(ctx.database, actorOf(request), request.params.id) }),
    );
    app.post(
      "/api/persons/:id/relations",
      {
        config: { permission: "person:write" },
        schema: { tags, params: idParams, body: createRelationBody, response: { 201: relatedPerson, ...errors } },
      },
      async (request, reply) =>
        reply.code(201).send(await createRelation(ctx.database, actorOf(request), request.params.id, request.body)),
    );
    app.delete(
      "/api/persons/:id/relations/:relationId",
      {
        config: { permission: "person:write" },
        schema: {
          tags,
          params: z.strictObject({ id: z.uuid(), relationId: z.uuid() }),
          response: { 200: okResponse, ...errors },
        },
      },
      async (request) => {
        await removeRelation(ctx.database, actorOf(request), request.params.id, request.params.relationId);
        return { ok: true as const };
      },
    );
    app.get(
      "/api/cases/:id/participation",
      {
        config: { permission: "case:read" },
        schema: { tags, params: idParams, response: { 200: participationResponse, ...errors } },
      },
      async (request) => getParticipation(ctx.database, actorOf(request), request.params.id),
    );
    app.post(
      "/api/investigations/:id/guardian-notices",
      {
        config: { permission: "case:write" },
        schema: { tags, params: idParams, body: createNoticeBody, response: { 201: noticeRecorded, ...errors } },
      },
      async (request, reply) =>
        reply.code(201).send(await recordNotice(ctx.database, actorOf(request), request.params.id, request.body, now(ctx))),
    );
    app.post(
      "/api/cases/:id/child-views",
      {
        config: { permission: "case:write" },
        schema: { tags, params: idParams, body: createChildViewBody, response: { 201: childViewRecorded, ...errors } },
      },
      async (request, reply) =>
        reply.code(201).send(await recordChildView(ctx.database, actorOf(request), request.params.id, request.body, now(ctx))),
    );
  };
