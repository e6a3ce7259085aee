import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { errorResponse, idParams, okResponse } from "../../../contracts/common";
import {
  addAgendaBody,
  createConsentBody,
  createDisclosureBody,
  created,
  createForumBody,
  createMeetingBody,
  expiringConsents,
  forumDetail,
  forumList,
  forumListQuery,
  meetingDetail,
  personConsents,
  revokeConsentBody,
  updateForumBody,
  updateMeetingBody,
} from "../../../contracts/samverkan";
import { stockholmDate } from "../../../domain/time";
import { type AppContext, now } from "../../app";
import { actorOf } from "../../platform/http";
import {
  createConsent,
  expiringConsentList,
  personConsents as listPersonConsents,
  recordDisclosure,
  revokeConsent,
} from "./consents.service";
import {
  addAgendaItem,
  createForum,
  createMeeting,
  getForum,
  getMeeting,
  listForums,
  updateForum,
  updateMeeting,
} from "./forums.service";

const errors = { 400: errorResponse, 404: errorResponse, 409: errorResponse };

/**
 * Samverkan (issue 21): forums and their meetings, agendas and minutes (samordnare, enhetschef of
 * the district); samtycke per person and the disclosures made under it (case staff; reading
 * follows person:read and the person scope).
 */
export const samverkanRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ["samverkan"];
    const forum = { permission: "forum:manage" as const };
    const consent = { permission: "consent:manage" as const };

    app.get(
      "/api/forums",
      { config: forum, schema: { tags, querystring: forumListQuery, response: { 200: forumList, ...errors } } },
      async (request) => listForums(ctx.database, actorOf(request), request.query, stockholmDate(now(ctx))),
    );
    app.post(
      "/api/forums",
      { config: forum, schema: { tags, body: createForumBody, response: { 201: created, ...errors } } },
      async (request, reply) => reply.code(201).send(await createForum(ctx.database, actorOf(request), request.body)),
    );
    app.get(
      "/api/forums/:id",
      { config: forum, schema: { tags, params: idParams, response: { 200: forumDetail, ...errors } } },
      async (request) => getForum(ctx.database, actorOf(request), request.params.id, stockholmDate(now(ctx))),
    );
    app.patch(
      "/api/forums/:id",
      { config: forum, schema: { tags, params: idParams, body: updateForumBody, response: { 200: okResponse, ...errors } } },
      async (request) => updateForum(ctx.database, actorOf(request), request.params.id, request.body),
    );
    app.post(
      "/api/forums/:id/meetings",
      { config: forum, schema: { tags, params: idParams, body: createMeetingBody, response: { 201: created, ...errors } } },
      async (request, reply) =>
        reply.code(201).send(await createMeeting(ctx.database, actorOf(request), request.params.id, request.body)),
    );
    app.get(
      "/api/meetings/:id",
      { config: forum, schema: { tags, params: idParams, response: { 200: meetingDetail, ...errors } } },
      async (request) => getMeeting(ctx.database, actorOf(request), request.params.id),
    );
    app.patch(
      "/api/meetings/:id",
      { config: forum, schema: { tags, params: idParams, body: updateMeetingBody, response: { 200: okResponse, ...errors } } },
      async (request) => updateMeeting(ctx.database, actorOf(request), request.params.id, request.body, now(ctx)),
    );
    app.post(
      "/api/meetings/:id/agenda",
      { config: forum, schema: { tags, params: idParams, body: addAgendaBody, response: { 201: created, ...errors } } },
      async (request, reply) =>
        reply.code(201).send(await addAgendaItem(ctx.database, actorOf(request), request.params.id, request.body)),
    );

    app.get(
      "/api/persons/:id/consents",
      { config: { permission: "person:read" }, schema: { tags, params: idParams, response: { 200: personConsents, ...errors } } },
      async (request) => listPersonConsents(ctx.database, actorOf(request), request.params.id, now(ctx)),
    );
    app.post(
      "/api/persons/:id/consents",
      { config: consent, schema: { tags, params: idParams, body: createConsentBody, response: { 201: created, ...errors } } },
      async (request, reply) =>
        reply.code(201).send(await createConsent(ctx.database, actorOf(request), request.params.id, request.body, now(ctx))),
    );
    app.post(
      "/api/consents/:id/revoke",
      { config: consent, schema: { tags, params: idParams, body: revokeConsentBody, response: { 200: okResponse, ...errors } } },
      async (request) => revokeConsent(ctx.database, actorOf(request), request.params.id, request.body, now(ctx)),
    );
    app.get(
      "/api/consents/expiring",
      { config: consent, schema: { tags, response: { 200: expiringConsents, ...errors } } },
      async (request) => expiringConsentList(ctx.database, actorOf(request), now(ctx)),
    );
    app.post(
      "/api/persons/:id/disclosures",
      { config: consent, schema: { tags, params: idParams, body: createDisclosureBody, response: { 201: created, ...errors } } },
      async (request, reply) =>
        reply.code(201).send(await recordDisclosure(ctx.database, actorOf(request), request.params.id, request.body, now(ctx))),
    );
  };
