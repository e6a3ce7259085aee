import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { errorResponse, idParams, okResponse } from "../../../contracts/common";
import {
  adminUser,
  adminUserList,
  createDistrictBody,
  createUnitBody,
  createUserBody,
  delegationsResponse,
  district,
  organisationResponse,
  protectedAccessGrantList,
  resetPasswordBody,
  setDelegationsBody,
  setRolesBody,
  unit,
  updateDistrictBody,
  updateUnitBody,
  updateUserBody,
} from "../../../contracts/organisation";
import type { AppContext } from "../../app";
import { actorOf } from "../../platform/http";
import { getDelegations, setDelegations } from "./delegations";
import * as service from "./service";

export const organisationRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ["organisation"];
    const admin = { permission: "admin" as const };
    const errors = { 400: errorResponse, 403: errorResponse, 404: errorResponse, 409: errorResponse };

    app.get(
      "/api/organisation",
      { config: { permission: "organisation:read" }, schema: { tags, response: { 200: organisationResponse } } },
      async () => service.getOrganisation(ctx.database),
    );
    app.post(
      "/api/admin/districts",
      { config: admin, schema: { tags, body: createDistrictBody, response: { 201: district, ...errors } } },
      async (request, reply) => reply.code(201).send(await service.createDistrict(ctx.database, actorOf(request), request.body)),
    );
    app.patch(
      "/api/admin/districts/:id",
      { config: admin, schema: { tags, params: idParams, body: updateDistrictBody, response: { 200: district, ...errors } } },
      async (request) => service.updateDistrict(ctx.database, actorOf(request), request.params.id, request.body),
    );
    app.get(
      "/api/admin/districts/:id/delegations",
      { config: admin, schema: { tags, params: idParams, response: { 200: delegationsResponse, ...errors } } },
      async (request) => getDelegations(ctx.database, actorOf(request), request.params.id),
    );
    app.put(
      "/api/admin/districts/:id/delegations",
      {
        config: admin,
        schema: { tags, params: idParams, body: setDelegationsBody, response: { 200: delegationsResponse, ...errors } },
      },
      async (request) => setDelegations(ctx.database, actorOf(request), request.params.id, request.body),
    );
    app.post(
      "/api/admin/units",
      { config: admin, schema: { tags, body: createUnitBody, response: { 201: unit, ...errors } } },
      async (request, reply) => reply.code(201).send(await service.createUnit(ctx.database, actorOf(request), request.body)),
    );
    app.patch(
      "/api/admin/units/:id",
      { config: admin, schema: { tags, params: idParams, body: updateUnitBody, response: { 200: unit, ...errors } } },
      async (request) => service.updateUnit(ctx.database, actorOf(request), request.params.id, request.body),
    );
    app.get("/api/admin/users", { config: admin, schema: { tags, response: { 200: adminUserList } } }, async () =>
      service.listUsers(ctx.database),
    );
    app.post(
      "/api/admin/users",
      { config: admin, schema: { tags, body: createUserBody, response: { 201: adminUser, ...errors } } },
      async (request, reply) => reply.code(201).send(await service.createUser(ctx.database, actorOf(request), request.body)),
    );
    app.patch(
      "/api/admin/users/:id",
      { config: admin, schema: { tags, params: idParams, body: updateUserBody, response: { 200: adminUser, ...errors } } },
      async (request) => service.updateUser(ctx.database, actorOf(request), request.params.id, request.body),
    );
    app.put(
      "/api/admin/users/:id/roles",
      { config: admin, schema: { tags, params: idParams, body: setRolesBody, response: { 200: adminUser, ...errors } } },
      async (request) => service.setUserRoles(ctx.database, actorOf(request), request.params.id, request.body.assignments),
    );
    app.get(
      "/api/admin/protected-access-grants",
      { config: admin, schema: { tags, response: { 200: protectedAccessGrantList } } },
      async () => service.listPendingProtectedAccess(ctx.database),
    );
    for (const [verb, approve] of [
      ["approve", true],
      ["reject", false],
    ] as const) {
      app.post(
        `/api/admin/protected-access-grants/:id/${verb}`,
        { config: admin, schema: { tags, params: idParams, response: { 200: adminUser, ...errors } } },
        async (request) => service.decideProtectedAccess(ctx.database, actorOf(request), request.params.id, approve),
      );
    }
    app.post(
      "/api/admin/users/:id/password",
      { config: admin, schema: { tags, params: idParams, body: resetPasswordBody, response: { 200: okResponse, ...errors } } },
      async (request) => {
        await service.resetPassword(ctx.database, actorOf(request), request.params.id, request.body.password);
        return { ok: true as const };
      },
    );
  };
