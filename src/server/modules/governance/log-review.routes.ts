import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorResponse, idParams } from "../../../contracts/common";
import {
  completeBody,
  drawLogReviewBody,
  logReviewDetail,
  logReviewItemParams,
  logReviewList,
  logReviewQuery,
  verdictBody,
} from "../../../contracts/log-review";
import { type AppContext, now } from "../../app";
import { actorOf } from "../../platform/http";
import { completeLogReview, drawLogReview, getLogReview, judgeItem, listLogReviews, verifyLogReview } from "./log-review.service";

const errors = { 400: errorResponse, 404: errorResponse, 409: errorResponse };

export const logReviewRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ["egenkontroll"];
    const config = { permission: "logreview:manage" as const };
    app.get(
      "/api/log-reviews",
      { config, schema: { tags, querystring: logReviewQuery, response: { 200: logReviewList, 400: errorResponse } } },
      async (request) => listLogReviews(ctx.database, actorOf(request), request.query),
    );
    app.post(
      "/api/log-reviews",
      { config, schema: { tags, body: drawLogReviewBody, response: { 201: z.object({ id: z.uuid() }), ...errors } } },
      async (request, reply) => reply.code(201).send(await drawLogReview(ctx.database, actorOf(request), request.body, now(ctx))),
    );
    app.get(
      "/api/log-reviews/:id",
      { config, schema: { tags, params: idParams, response: { 200: logReviewDetail, ...errors } } },
      async (request) => getLogReview(ctx.database, actorOf(request), request.params.id),
    );
    app.get(
      "/api/log-reviews/:id/verify",
      {
        config,
        schema: {
          tags,
          params: idParams,
          response: {
            200: z.object({
              matches: z.boolean(),
              onlyStored: z.array(z.number().int()),
              onlyRedrawn: z.array(z.number().int()),
              usersMatch: z.boolean(),
            }),
            ...errors,
          },
        },
      },
      async (request) => verifyLogReview(ctx.database, actorOf(request), request.params.id),
    );
    app.post(
      "/api/log-reviews/:id/items/:itemId/verdict",
      {
        config,
        schema: {
          tags,
          params: logReviewItemParams,
          body: verdictBody,
          response: {
            200: z.object({ id: z.uuid(), verdict: z.enum(["ok", "flagged"]), deviationId: z.uuid().nullable() }),
            ...errors,
          },
        },
      },
      async (request) =>
        judgeItem(ctx.database, actorOf(request), request.params.id, request.params.itemId, request.body, now(ctx)),
    );
    app.post(
      "/api/log-reviews/:id/complete",
      {
        config,
        schema: {
          tags,
          params: idParams,
          body: completeBody,
          response: { 200: z.object({ id: z.uuid(), completedAt: z.string() }), ...errors },
        },
      },
      async (request) => completeLogReview(ctx.database, actorOf(request), request.params.id, request.body, now(ctx)),
    );
  };
