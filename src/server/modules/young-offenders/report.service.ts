import { and, eq, exists, gte, inArray, isNull, lte, or, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type { LvuStepBody, YoungOffendersReport, youngOffendersQuery } from "../../../contracts/young-offenders";
import { addCalendarDays } from "../../../domain/clocks";
import { disclosure, disclosureNote, type Publisher } from "../../../domain/disclosure/publish";
import { ageGroup } from "../../../domain/interventions/rules";
import type { YttrandeRequester } from "../../../domain/lul/yttrande";
import type { RecordedStep } from "../../../domain/lvu/process";
import type { LvuBehaviour, LvuGround } from "../../../domain/lvu/vocabulary";
import { ageOn } from "../../../domain/personnummer";
import { startOfStockholmDay } from "../../../domain/time";
import { type Gender, youngOffenderFigures } from "../../../domain/young-offenders/figures";
import type { Database } from "../../db/connection";
import { lulYttranden, lvuProcesses, lvuSteps, persons } from "../../db/schema/index";
import type { Actor } from "../../platform/actor";
import { audit } from "../../platform/audit";
import { recordKeys } from "../../platform/record-keys";
import { reportScope } from "../../platform/report-scope";
import { toDomainStep } from "./lvu.service";
import { youthSanctionFigures } from "./sanction.report";

type Query = z.infer<typeof youngOffendersQuery>;

const genderOf = (g: string): Gender => (g === "pojke" || g === "flicka" ? g : "other");

/** How far back an LVU clock due in the period can start: the longest of its periods (13 §: six months). */
const LOOKBACK_DAYS = 200;

/**
 * The nämnd's figures on LUL yttranden and LVU for [from, to] in the actor's districts (stats:read),
 * split by boys and girls (and for yttranden by age and requester): aggregates only, through the
 * disclosure module (src/domain/young-offenders/figures.ts). The clocks are judged as of the end of
 * the period, or now when the period has not ended.
 */
export async function youngOffendersReport(
  database: Database,
  actor: Actor,
  query: Query,
  now: Date,
  publisher: Publisher = disclosure,
): Promise<YoungOffendersReport> {
  const { db } = database;
  const { districtIds, granularity } = reportScope(actor, query);
  const endOfPeriod = new Date(startOfStockholmDay(addCalendarDays(query.to, 1)).getTime() - 1);
  const asOf = endOfPeriod.getTime() < now.getTime() ? endOfPeriod : now;
  const inDistricts = (column: typeof lulYttranden.districtId | typeof lvuProcesses.districtId): SQL =>
    districtIds.length ? inArray(column, districtIds) : sql`false`;
  const lookback = addCalendarDays(query.from, -LOOKBACK_DAYS);

  const [yttrandeRows, processRows, keyOf] = await Promise.all([
    db
      .select({
        id: lulYttranden.id,
        requester: lulYttranden.requesterKind,
        askedOn: lulYttranden.askedOn,
        dueOn: lulYttranden.dueOn,
        sentOn: lulYttranden.sentOn,
        gender: persons.gender,
        birthDate: persons.birthDate,
      })
      .from(lulYttranden)
      .innerJoin(persons, eq(persons.id, lulYttranden.personId))
      .where(
        and(
          inDistricts(lulYttranden.districtId),
          or(
            and(gte(lulYttranden.askedOn, query.from), lte(lulYttranden.askedOn, query.to)),
            and(gte(lulYttranden.dueOn, query.from), lte(lulYttranden.dueOn, query.to)),
          ),
        ),
      ),
    db
      .select({
        id: lvuProcesses.id,
        grounds: lvuProcesses.grounds,
        behaviours: lvuProcesses.behaviours,
        gender: persons.gender,
        birthDate: persons.birthDate,
        steps: sql<
          { seq: number; data: LvuStepBody }[]
        >`(select coalesce(json_agg(json_build_object('seq', s.seq, 'data', s.data) order by s.seq), '[]') from lvu_steps s where s.process_id = ${lvuProcesses.id})`,
      })
      .from(lvuProcesses)
      .innerJoin(persons, eq(persons.id, lvuProcesses.personId))
      .where(
        and(
          inDistricts(lvuProcesses.districtId),
          or(isNull(lvuProcesses.endedOn), gte(lvuProcesses.endedOn, lookback)),
          exists(
            db
              .select({ one: sql`1` })
              .from(lvuSteps)
              .where(and(eq(lvuSteps.processId, lvuProcesses.id), lte(lvuSteps.occurredOn, query.to))),
          ),
        ),
      ),
    publisher.protects ? recordKeys(database) : () => 0,
    audit(db, actor, {
      action: "stats.young_offenders",
      permission: "stats:read",
      recordType: "report",
      details: { from: query.from, to: query.to, districts: districtIds },
    }),
  ]);

  const figures = youngOffenderFigures(
    yttrandeRows.map((y) => ({
      key: keyOf(y.id),
      gender: genderOf(y.gender),
      ageGroup: ageGroup(Math.max(0, ageOn(y.birthDate, y.askedOn))),
      requester: y.requester as YttrandeRequester,
      askedOn: y.askedOn,
      dueOn: y.dueOn,
      sentOn: y.sentOn,
    })),
    processRows.map((p) => ({
      key: keyOf(p.id),
      gender: genderOf(p.gender),
      facts: { grounds: p.grounds as LvuGround[], behaviours: p.behaviours as LvuBehaviour[], birthDate: p.birthDate },
      steps: p.steps.map((s) => ({ ...toDomainStep(s.data), seq: s.seq }) as RecordedStep),
    })),
    { from: query.from, to: query.to, asOf },
    publisher,
  );
  const sanctions = await youthSanctionFigures(database, districtIds, query, keyOf, publisher);
  return {
    from: query.from,
    to: query.to,
    asOf: asOf.toISOString(),
    districtIds,
    disclosure: disclosureNote(granularity, figures.protectedWhole),
    yttranden: figures.yttranden,
    lvu: figures.lvu,
    ungdomstjanst: sanctions.ungdomstjanst,
    ungdomsovervakning: sanctions.ungdomsovervakning,
    sanctionsProtectedWhole: sanctions.protectedWhole,
  };
}
