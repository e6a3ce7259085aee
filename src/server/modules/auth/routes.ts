import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { changePasswordBody, loginBody, meResponse } from "../../../contracts/auth";
import { errorResponse, okResponse } from "../../../contracts/common";
import type { AppContext } from "../../app";
import { actorOf } from "../../platform/http";
import { actorForSession, destroySession, sessionCookieName, sessionToken } from "../../platform/sessions";
import { changePassword, login, me } from "./service";

export const authRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const cookieOptions = (secure: boolean) => ({
      path: "/",
      httpOnly: true,
      sameSite: "strict" as const,
      secure,
    });

    app.post(
      "/api/auth/login",
      {
        config: { permission: "public" },
        schema: { tags: ["auth"], body: loginBody, response: { 200: meResponse, 401: errorResponse, 429: errorResponse } },
      },
      async (request, reply) => {
        const token = await login(ctx.database, ctx.config, request.body, { ip: request.ip, requestId: request.id });
        const secure = request.protocol === "https";
        reply.setCookie(sessionCookieName(secure), token, cookieOptions(secure));
        const actor = await actorForSession(ctx.database.db, ctx.config, token, request);
        if (!actor) throw new Error("session vanished right after sign-in");
        return me(ctx.database, actor);
      },
    );

    app.post(
      "/api/auth/logout",
      { config: { permission: "public" }, schema: { tags: ["auth"], response: { 200: okResponse } } },
      async (request, reply) => {
        const token = sessionToken(request);
        if (token) await destroySession(ctx.database.db, token);
        const secure = request.protocol === "https";
        reply.clearCookie(sessionCookieName(secure), cookieOptions(secure));
        return { ok: true as const };
      },
    );

    app.get(
      "/api/auth/me",
      { config: { permission: "self" }, schema: { tags: ["auth"], response: { 200: meResponse } } },
      async (request) => me(ctx.database, actorOf(request)),
    );

    app.post(
      "/api/auth/password",
      {
        config: { permission: "self" },
        schema: { tags: ["auth"], body: changePasswordBody, response: { 200: okResponse, 400: errorResponse } },
      },
      async (request) => {
        await changePassword(ctx.database, actorOf(request), request.body, sessionToken(request) ?? "");
        return { ok: true as const };
      },
    );
  };
