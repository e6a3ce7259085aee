import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { errorResponse, idParams } from "../../../contracts/common";
import {
  caseProposalsResponse,
  createProposalBody,
  decisionProposal,
  proposalHandled,
  proposalQueueQuery,
  proposalQueueResponse,
  rejectProposalBody,
  resubmitProposalBody,
  returnProposalBody,
} from "../../../contracts/decision-proposals";
import { type AppContext, now } from "../../app";
import { actorOf } from "../../platform/http";
import * as proposals from "./service";

const errors = { 400: errorResponse, 404: errorResponse, 409: errorResponse };

/** Förslag till beslut: sent from the case, decided from the delegate's queue (issue 18 point 1). */
export const decisionProposalRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ["decision-proposals"];
    const write = { permission: "case:write" as const };

    app.post(
      "/api/cases/:id/decision-proposals",
      {
        config: write,
        schema: { tags, params: idParams, body: createProposalBody, response: { 201: decisionProposal, ...errors } },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await proposals.createProposal(ctx.database, actorOf(request), request.params.id, request.body, now(ctx))),
    );
    app.get(
      "/api/cases/:id/decision-proposals",
      {
        config: { permission: "case:read" },
        schema: { tags, params: idParams, response: { 200: caseProposalsResponse, ...errors } },
      },
      async (request) => proposals.listCaseProposals(ctx.database, actorOf(request), request.params.id),
    );
    app.get(
      "/api/decision-proposals",
      { config: write, schema: { tags, querystring: proposalQueueQuery, response: { 200: proposalQueueResponse, ...errors } } },
      async (request) => proposals.proposalQueue(ctx.database, actorOf(request), request.query, now(ctx)),
    );
    app.post(
      "/api/decision-proposals/:id/approve",
      { config: write, schema: { tags, params: idParams, response: { 200: proposalHandled, ...errors } } },
      async (request) => proposals.decideProposal(ctx.database, actorOf(request), request.params.id, "approve", "", now(ctx)),
    );
    app.post(
      "/api/decision-proposals/:id/return",
      {
        config: write,
        schema: { tags, params: idParams, body: returnProposalBody, response: { 200: proposalHandled, ...errors } },
      },
      async (request) =>
        proposals.decideProposal(ctx.database, actorOf(request), request.params.id, "return", request.body.comment, now(ctx)),
    );
    app.post(
      "/api/decision-proposals/:id/reject",
      {
        config: write,
        schema: { tags, params: idParams, body: rejectProposalBody, response: { 200: proposalHandled, ...errors } },
      },
      async (request) =>
        proposals.decideProposal(ctx.database, actorOf(request), request.params.id, "reject", request.body.comment, now(ctx)),
    );
    app.post(
      "/api/decision-proposals/:id/resubmit",
      {
        config: write,
        schema: { tags, params: idParams, body: resubmitProposalBody, response: { 200: proposalHandled, ...errors } },
      },
      async (request) => proposals.resubmitProposal(ctx.database, actorOf(request), request.params.id, request.body, now(ctx)),
    );
  };
