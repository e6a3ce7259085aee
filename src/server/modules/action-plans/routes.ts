import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  createdResponse,
  createFollowUpBody,
  createPlanBody,
  createTaskBody,
  personPlans,
  planDetail,
  stageBody,
  taskParams,
  updatePlanBody,
  updateTaskBody,
} from "../../../contracts/action-plans";
import { errorResponse, idParams, okResponse } from "../../../contracts/common";
import { type AppContext, now } from "../../app";
import { actorOf } from "../../platform/http";
import { addFollowUp, addTask, changeStage, createPlan, getPlan, listPersonPlans, updatePlan, updateTask } from "./service";

const errors = { 400: errorResponse, 404: errorResponse, 409: errorResponse };

/**
 * Gemensam åtgärdsplan (issue 21 point 3): a young person's joint plan across agencies, for those
 * who manage samtycke (handläggare, samordnare, enhetschef); every route within the person scope.
 */
export const actionPlanRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ["samverkan"];
    const config = { permission: "consent:manage" as const };

    app.get(
      "/api/persons/:id/action-plans",
      { config, schema: { tags, params: idParams, response: { 200: personPlans, ...errors } } },
      async (request) => listPersonPlans(ctx.database, actorOf(request), request.params.id, now(ctx)),
    );
    app.post(
      "/api/persons/:id/action-plans",
      { config, schema: { tags, params: idParams, body: createPlanBody, response: { 201: createdResponse, ...errors } } },
      async (request, reply) =>
        reply.code(201).send(await createPlan(ctx.database, actorOf(request), request.params.id, request.body, now(ctx))),
    );
    app.get(
      "/api/action-plans/:id",
      { config, schema: { tags, params: idParams, response: { 200: planDetail, ...errors } } },
      async (request) => getPlan(ctx.database, actorOf(request), request.params.id, now(ctx)),
    );
    app.patch(
      "/api/action-plans/:id",
      { config, schema: { tags, params: idParams, body: updatePlanBody, response: { 200: okResponse, ...errors } } },
      async (request) => updatePlan(ctx.database, actorOf(request), request.params.id, request.body, now(ctx)),
    );
    app.post(
      "/api/action-plans/:id/tasks",
      { config, schema: { tags, params: idParams, body: createTaskBody, response: { 201: createdResponse, ...errors } } },
      async (request, reply) =>
        reply.code(201).send(await addTask(ctx.database, actorOf(request), request.params.id, request.body, now(ctx))),
    );
    app.patch(
      "/api/action-plans/:id/tasks/:taskId",
      { config, schema: { tags, params: taskParams, body: updateTaskBody, response: { 200: okResponse, ...errors } } },
      async (request) =>
        updateTask(ctx.database, actorOf(request), request.params.id, request.params.taskId, request.body, now(ctx)),
    );
    app.post(
      "/api/action-plans/:id/follow-ups",
      { config, schema: { tags, params: idParams, body: createFollowUpBody, response: { 201: createdResponse, ...errors } } },
      async (request, reply) =>
        reply.code(201).send(await addFollowUp(ctx.database, actorOf(request), request.params.id, request.body, now(ctx))),
    );
    app.post(
      "/api/action-plans/:id/stage",
      { config, schema: { tags, params: idParams, body: stageBody, response: { 200: okResponse, ...errors } } },
      async (request) => changeStage(ctx.database, actorOf(request), request.params.id, request.body, now(ctx)),
    );
  };
