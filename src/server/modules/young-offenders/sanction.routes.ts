import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  attendanceBody,
  completeBody,
  createJudgmentBody,
  createUoPlanBody,
  endJudgmentBody,
  judgmentList,
  judgmentView,
  misconductBody,
  placementBody,
  sessionBody,
  uoFollowUpBody,
  uoItemBody,
  uoPlanList,
  uoPlanView,
  updateJudgmentBody,
} from "../../../contracts/ungdomstjanst";
import type { AppContext } from "../../app";
import { idRoute, registerIdRoutes } from "./route-table";
import * as uo from "./ungdomsovervakning.service";
import * as ut from "./ungdomstjanst.service";

/** Ungdomstjänst and ungdomsövervakning on a case: the youth sanctions the social services carry out or take part in. */
export const youthSanctionRoutes =
  (ctx: AppContext): FastifyPluginAsyncZod =>
  async (app) => {
    const read = "case:read" as const;
    const write = "case:write" as const;
    registerIdRoutes(app, ctx, [
      idRoute({
        method: "GET",
        url: "/api/cases/:id/ungdomstjanst",
        permission: read,
        response: judgmentList,
        run: (db, actor, id, _, at) => ut.listJudgments(db, actor, id, at),
      }),
      idRoute({
        method: "GET",
        url: "/api/persons/:id/ungdomstjanst",
        permission: read,
        response: judgmentList,
        run: (db, actor, id, _, at) => ut.listPersonJudgments(db, actor, id, at),
      }),
      idRoute({
        method: "POST",
        url: "/api/cases/:id/ungdomstjanst",
        permission: write,
        body: createJudgmentBody,
        status: 201,
        response: judgmentView,
        run: ut.createJudgment,
      }),
      idRoute({
        method: "PATCH",
        url: "/api/ungdomstjanst/:id",
        permission: write,
        body: updateJudgmentBody,
        response: judgmentView,
        run: ut.updateJudgment,
      }),
      idRoute({
        method: "PUT",
        url: "/api/ungdomstjanst/:id/placement",
        permission: write,
        body: placementBody,
        response: judgmentView,
        run: ut.placeJudgment,
      }),
      idRoute({
        method: "POST",
        url: "/api/ungdomstjanst/:id/sessions",
        permission: write,
        body: sessionBody,
        status: 201,
        response: judgmentView,
        run: ut.addSession,
      }),
      idRoute({
        method: "PUT",
        url: "/api/ungdomstjanst-sessions/:id/attendance",
        permission: write,
        body: attendanceBody,
        response: judgmentView,
        run: ut.recordAttendance,
      }),
      idRoute({
        method: "POST",
        url: "/api/ungdomstjanst/:id/misconduct",
        permission: write,
        body: misconductBody,
        status: 201,
        response: judgmentView,
        run: ut.reportMisconduct,
      }),
      idRoute({
        method: "POST",
        url: "/api/ungdomstjanst/:id/complete",
        permission: write,
        body: completeBody,
        response: judgmentView,
        run: ut.completeJudgment,
      }),
      idRoute({
        method: "POST",
        url: "/api/ungdomstjanst/:id/end",
        permission: write,
        body: endJudgmentBody,
        response: judgmentView,
        run: ut.endJudgment,
      }),
      idRoute({
        method: "GET",
        url: "/api/cases/:id/ungdomsovervakning",
        permission: read,
        response: uoPlanList,
        run: (db, actor, id, _, at) => uo.listPlans(db, actor, id, at),
      }),
      idRoute({
        method: "POST",
        url: "/api/cases/:id/ungdomsovervakning",
        permission: write,
        body: createUoPlanBody,
        status: 201,
        response: uoPlanView,
        run: uo.createPlan,
      }),
      idRoute({
        method: "POST",
        url: "/api/ungdomsovervakning/:id/items",
        permission: write,
        body: uoItemBody,
        status: 201,
        response: uoPlanView,
        run: uo.addItem,
      }),
      idRoute({
        method: "POST",
        url: "/api/ungdomsovervakning-items/:id/follow-up",
        permission: write,
        body: uoFollowUpBody,
        response: uoPlanView,
        run: uo.followUpItem,
      }),
    ]);
  };
