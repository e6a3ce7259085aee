import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { errorResponse } from "../../../contracts/common";
import {
  createYttrandeBody,
  lvuProcessList,
  lvuProcessView,
  lvuStepBody,
  openLvuBody,
  sendYttrandeBody,
  signYttrandeBody,
  updateYttrandeBody,
  youngOffendersQuery,
  youngOffendersReport,
  yttrandeList,
  yttrandeView,
} from "../../../contracts/young-offenders";
import { type AppContext, now } from "../../app";
import { actorOf } from "../../platform/http";
import * as lul from "./lul.service";
import * as lvu from "./lvu.service";
import { youngOffendersReport as report } from "./report.service";
import { idRoute, registerIdRoutes } from "./route-table";

const errors = { 400: errorResponse, 404: errorResponse, 409: errorResponse };

/** LUL yttranden and LVU processes on a case, and the nämnd's figures on them. */
export const youngOffenderRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const read = "case:read" as const;
    const write = "case:write" as const;
    registerIdRoutes(app, ctx, [
      idRoute({
        method: "GET",
        url: "/api/cases/:id/lul-yttranden",
        permission: read,
        response: yttrandeList,
        run: (db, actor, id, _, at) => lul.listYttranden(db, actor, id, at),
      }),
      idRoute({
        method: "POST",
        url: "/api/cases/:id/lul-yttranden",
        permission: write,
        body: createYttrandeBody,
        status: 201,
        response: yttrandeView,
        run: lul.createYttrande,
      }),
      idRoute({
        method: "PUT",
        url: "/api/lul-yttranden/:id",
        permission: write,
        body: updateYttrandeBody,
        response: yttrandeView,
        run: lul.updateYttrande,
      }),
      idRoute({
        method: "POST",
        url: "/api/lul-yttranden/:id/sign",
        permission: write,
        body: signYttrandeBody,
        response: yttrandeView,
        run: lul.signYttrande,
      }),
      idRoute({
        method: "POST",
        url: "/api/lul-yttranden/:id/sent",
        permission: write,
        body: sendYttrandeBody,
        response: yttrandeView,
        run: lul.sendYttrande,
      }),
      idRoute({
        method: "GET",
        url: "/api/cases/:id/lvu",
        permission: read,
        response: lvuProcessList,
        run: (db, actor, id, _, at) => lvu.listLvu(db, actor, id, at),
      }),
      idRoute({
        method: "POST",
        url: "/api/cases/:id/lvu",
        permission: write,
        body: openLvuBody,
        status: 201,
        response: lvuProcessView,
        run: lvu.openLvu,
      }),
      idRoute({
        method: "POST",
        url: "/api/lvu/:id/steps",
        permission: write,
        body: lvuStepBody,
        status: 201,
        response: lvuProcessView,
        run: lvu.addLvuStep,
      }),
    ]);
    app.get(
      "/api/reports/young-offenders",
      {
        config: { permission: "stats:read" },
        schema: {
          tags: ["young-offenders"],
          querystring: youngOffendersQuery,
          response: { 200: youngOffendersReport, ...errors },
        },
      },
      async (request) => report(ctx.database, actorOf(request), request.query, now(ctx)),
    );
  };
