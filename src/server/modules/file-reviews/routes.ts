import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { errorResponse, idParams } from "../../../contracts/common";
import {
  actionParams,
  createActionBody,
  createFileReviewBody,
  exportQuery,
  fileReview,
  fileReviewList,
  fileReviewListQuery,
  findingDeviation,
  findingParams,
  itemParams,
  reviewAction,
  reviewItem,
  signBody,
  updateActionBody,
  updateItemBody,
} from "../../../contracts/file-reviews";
import { type AppContext, now } from "../../app";
import { actorOf } from "../../platform/http";
import { reviewPdf, reviewXlsx } from "./export";
import { deviationFromFinding } from "./finding-deviation";
import {
  createAction,
  createReview,
  getReview,
  listReviews,
  newVersion,
  reviewForExport,
  signReview,
  updateAction,
  updateItem,
} from "./service";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const PDF = "application/pdf";

/** Egenkontroll: file reviews (aktgranskning), for enhetschef and kvalitet in their own districts. */
export const fileReviewRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ["file reviews"];
    const config = { permission: "review:manage" as const };
    const errors = { 400: errorResponse, 404: errorResponse, 409: errorResponse };

    app.post(
      "/api/file-reviews",
      { config, schema: { tags, body: createFileReviewBody, response: { 201: fileReview, ...errors } } },
      async (request, reply) => reply.code(201).send(await createReview(ctx.database, actorOf(request), request.body, now(ctx))),
    );

    app.get(
      "/api/file-reviews",
      { config, schema: { tags, querystring: fileReviewListQuery, response: { 200: fileReviewList, ...errors } } },
      async (request) => listReviews(ctx.database, actorOf(request), request.query),
    );

    app.get(
      "/api/file-reviews/:id",
      { config, schema: { tags, params: idParams, response: { 200: fileReview, ...errors } } },
      async (request) => getReview(ctx.database, actorOf(request), request.params.id),
    );

    app.patch(
      "/api/file-reviews/:id/items/:itemId",
      { config, schema: { tags, params: itemParams, body: updateItemBody, response: { 200: reviewItem, ...errors } } },
      async (request) =>
        updateItem(ctx.database, actorOf(request), request.params.id, request.params.itemId, request.body, now(ctx)),
    );

    app.post(
      "/api/file-reviews/:id/sign",
      { config, schema: { tags, params: idParams, body: signBody, response: { 200: fileReview, ...errors } } },
      async (request) => signReview(ctx.database, actorOf(request), request.params.id, request.body, now(ctx)),
    );

    app.post(
      "/api/file-reviews/:id/versions",
      { config, schema: { tags, params: idParams, response: { 201: fileReview, ...errors } } },
      async (request, reply) =>
        reply.code(201).send(await newVersion(ctx.database, actorOf(request), request.params.id, now(ctx))),
    );

    app.get(
      "/api/file-reviews/:id/export",
      { config, schema: { tags, params: idParams, querystring: exportQuery } },
      async (request, reply) => {
        const { format } = request.query;
        const review = await reviewForExport(ctx.database, actorOf(request), request.params.id, format);
        reply.header(
          "content-disposition",
          `attachment; filename="aktgranskning-${review.from}-${review.to}-v${review.version}.${format}"`,
        );
        if (format === "pdf") return reply.type(PDF).send(await reviewPdf(review));
        return reply.type(XLSX).send(await reviewXlsx(review));
      },
    );

    app.post(
      "/api/file-reviews/:id/actions",
      { config, schema: { tags, params: idParams, body: createActionBody, response: { 201: reviewAction, ...errors } } },
      async (request, reply) =>
        reply.code(201).send(await createAction(ctx.database, actorOf(request), request.params.id, request.body, now(ctx))),
    );

    // One click: an avvikelse from a finding (review:manage here; createDeviation asks deviation:report too).
    app.post(
      "/api/file-reviews/:id/findings/:findingId/deviation",
      { config, schema: { tags, params: findingParams, response: { 201: findingDeviation, ...errors } } },
      async (request, reply) =>
        reply
          .code(201)
          .send(
            await deviationFromFinding(ctx.database, actorOf(request), request.params.id, request.params.findingId, now(ctx)),
          ),
    );

    app.patch(
      "/api/file-reviews/:id/actions/:actionId",
      { config, schema: { tags, params: actionParams, body: updateActionBody, response: { 200: reviewAction, ...errors } } },
      async (request) =>
        updateAction(ctx.database, actorOf(request), request.params.id, request.params.actionId, request.body, now(ctx)),
    );
  };
