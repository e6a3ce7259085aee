import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorResponse, idParams } from "../../../contracts/common";
import { staffList } from "../../../contracts/internal-control";
import {
  createDocumentBody,
  documentDetail,
  documentList,
  documentQuery,
  documentVersionParams,
  myReviews as myReviewsResponse,
  revisionBody,
  updateDocumentBody,
  uploadVersionBody,
} from "../../../contracts/styrdokument";
import { type AppContext, now } from "../../app";
import { actorOf } from "../../platform/http";
import {
  createDocument,
  documentStaff,
  getDocument,
  listDocuments,
  myReviews,
  publishDocument,
  revokeDocument,
  updateDocument,
  uploadVersion,
  versionFile,
} from "./styrdokument.service";

const errors = { 400: errorResponse, 404: errorResponse, 409: errorResponse };
const changed = z.object({ id: z.uuid(), revision: z.number().int() });
/** A 10 MB file is 13.4 MB as base64; the rest of the API keeps the default 256 kB. */
const UPLOAD_BODY_LIMIT = 15 * 1024 * 1024;

/** `attachment` with an ASCII fallback name and the real one in RFC 5987 form. */
function attachment(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export const styrdokumentRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ["styrdokument"];
    const read = { permission: "document:read" as const };
    const manage = { permission: "document:manage" as const };

    app.get(
      "/api/styrdokument",
      { config: read, schema: { tags, querystring: documentQuery, response: { 200: documentList, 400: errorResponse } } },
      async (request) => listDocuments(ctx.database, actorOf(request), request.query, now(ctx)),
    );
    app.get(
      "/api/styrdokument/reviews/mine",
      { config: read, schema: { tags, response: { 200: myReviewsResponse } } },
      async (request) => myReviews(ctx.database, actorOf(request), now(ctx)),
    );
    app.get("/api/styrdokument/staff", { config: manage, schema: { tags, response: { 200: staffList } } }, async (request) =>
      documentStaff(ctx.database, actorOf(request)),
    );
    app.post(
      "/api/styrdokument",
      { config: manage, schema: { tags, body: createDocumentBody, response: { 201: changed, ...errors } } },
      async (request, reply) => reply.code(201).send(await createDocument(ctx.database, actorOf(request), request.body)),
    );
    app.get(
      "/api/styrdokument/:id",
      { config: read, schema: { tags, params: idParams, response: { 200: documentDetail, ...errors } } },
      async (request) => getDocument(ctx.database, actorOf(request), request.params.id, now(ctx)),
    );
    app.patch(
      "/api/styrdokument/:id",
      { config: manage, schema: { tags, params: idParams, body: updateDocumentBody, response: { 200: changed, ...errors } } },
      async (request) => updateDocument(ctx.database, actorOf(request), request.params.id, request.body),
    );
    app.post(
      "/api/styrdokument/:id/versions",
      {
        config: manage,
        bodyLimit: UPLOAD_BODY_LIMIT,
        schema: {
          tags,
          params: idParams,
          body: uploadVersionBody,
          response: { 201: z.object({ id: z.uuid(), number: z.number().int(), revision: z.number().int() }), ...errors },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await uploadVersion(ctx.database, actorOf(request), request.params.id, request.body)),
    );
    app.get(
      "/api/styrdokument/:id/versions/:versionId/file",
      { config: read, schema: { tags, params: documentVersionParams } },
      async (request, reply) => {
        const file = await versionFile(ctx.database, actorOf(request), request.params.id, request.params.versionId);
        reply.header("content-disposition", attachment(file.filename));
        return reply.type(file.contentType).send(file.content);
      },
    );
    app.post(
      "/api/styrdokument/:id/publish",
      {
        config: manage,
        schema: {
          tags,
          params: idParams,
          body: revisionBody,
          response: { 200: changed.extend({ versionNumber: z.number().int() }), ...errors },
        },
      },
      async (request) => publishDocument(ctx.database, actorOf(request), request.params.id, request.body.revision, now(ctx)),
    );
    app.post(
      "/api/styrdokument/:id/revoke",
      { config: manage, schema: { tags, params: idParams, body: revisionBody, response: { 200: changed, ...errors } } },
      async (request) => revokeDocument(ctx.database, actorOf(request), request.params.id, request.body.revision),
    );
  };
