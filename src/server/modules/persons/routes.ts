import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorResponse, idParams, okResponse, safeText } from "../../../contracts/common";
import {
  createPersonBody,
  createShareBody,
  personDetail,
  personSearchBody,
  personSearchQuery,
  personSearchResponse,
  protectedMatchList,
  shareResponse,
  updatePersonBody,
} from "../../../contracts/persons";
import { type AppContext, now } from "../../app";
import { actorOf } from "../../platform/http";
import {
  createPerson,
  getPerson,
  listShares,
  protectedMatches,
  revokeShare,
  searchPersons,
  sharePerson,
  updatePerson,
} from "./service";

const purposeHeader = z.object({ "x-purpose": safeText.max(200).optional() });

export const personRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ["persons"];
    app.get(
      "/api/persons",
      {
        config: { permission: "person:read" },
        schema: { tags, querystring: personSearchQuery, response: { 200: personSearchResponse, 400: errorResponse } },
      },
      async (request) => searchPersons(ctx.database, actorOf(request), request.query),
    );
    app.post(
      "/api/persons/search",
      {
        config: { permission: "person:read" },
        schema: { tags, body: personSearchBody, response: { 200: personSearchResponse, 400: errorResponse } },
      },
      async (request) => searchPersons(ctx.database, actorOf(request), request.body),
    );
    app.get(
      "/api/persons/protected-matches",
      { config: { permission: "person:read" }, schema: { tags, response: { 200: protectedMatchList } } },
      async (request) => protectedMatches(ctx.database, actorOf(request)),
    );
    app.get(
      "/api/persons/:id",
      {
        config: { permission: "person:read" },
        schema: { tags, params: idParams, headers: purposeHeader, response: { 200: personDetail, 404: errorResponse } },
      },
      async (request) => getPerson(ctx.database, actorOf(request), request.params.id, request.headers["x-purpose"]),
    );
    app.post(
      "/api/persons",
      {
        config: { permission: "person:write" },
        schema: { tags, body: createPersonBody, response: { 201: personDetail, 400: errorResponse, 409: errorResponse } },
      },
      async (request, reply) => reply.code(201).send(await createPerson(ctx.database, actorOf(request), request.body, now(ctx))),
    );
    app.patch(
      "/api/persons/:id",
      {
        config: { permission: "person:write" },
        schema: {
          tags,
          params: idParams,
          body: updatePersonBody,
          response: { 200: personDetail, 400: errorResponse, 404: errorResponse },
        },
      },
      async (request) => updatePerson(ctx.database, actorOf(request), request.params.id, request.body),
    );
    app.get(
      "/api/persons/:id/shares",
      {
        config: { permission: "person:read" },
        schema: { tags, params: idParams, response: { 200: z.object({ items: z.array(shareResponse) }) } },
      },
      async (request) => ({ items: await listShares(ctx.database, actorOf(request), request.params.id) }),
    );
    app.post(
      "/api/persons/:id/shares",
      {
        config: { permission: "person:share" },
        schema: { tags, params: idParams, body: createShareBody, response: { 201: shareResponse, 400: errorResponse } },
      },
      async (request, reply) =>
        reply.code(201).send(await sharePerson(ctx.database, actorOf(request), request.params.id, request.body)),
    );
    app.delete(
      "/api/persons/:id/shares/:shareId",
      {
        config: { permission: "person:share" },
        schema: { tags, params: z.strictObject({ id: z.uuid(), shareId: z.uuid() }), response: { 200: okResponse } },
      },
      async (request) => {
        await revokeShare(ctx.database, actorOf(request), request.params.id, request.params.shareId);
        return { ok: true as const };
      },
    );
  };
