import { and, asc, eq, gte, inArray, lt, sql } from "drizzle-orm";
import type { z } from "zod";
import type { DeviationStats, deviationStatsQuery } from "../../../contracts/deviations";
import { addCalendarDays } from "../../../domain/clocks";
import { deviationFigures } from "../../../domain/deviations/statistics";
import type { DeviationKind, LexSarahKind } from "../../../domain/deviations/vocabulary";
import { disclosureNote } from "../../../domain/disclosure/publish";
import { startOfStockholmDay } from "../../../domain/time";
import type { Database } from "../../db/connection";
import { deviations, units } from "../../db/schema/index";
import type { Actor } from "../../platform/actor";
import { audit } from "../../platform/audit";
import { badRequest } from "../../platform/errors";
import { recordKeys } from "../../platform/record-keys";
import { reportScope } from "../../platform/report-scope";

/**
 * Avvikelser reported in [from, to] in the actor's districts (stats:read), per kind, unit and month
 * and along the lex Sarah path: counts through the disclosure module, nothing else. Reads no free
 * text, no person, no reporter: the figures cannot carry what the reports say.
 */
export async function deviationStatistics(
  database: Database,
  actor: Actor,
  query: z.infer<typeof deviationStatsQuery>,
  now: Date,
): Promise<DeviationStats> {
  const { db } = database;
  const { districtIds, granularity } = reportScope(actor, query);
  const unitRows = await db
    .select({ id: units.id, name: units.name, districtId: units.districtId })
    .from(units)
    .where(districtIds.length ? inArray(units.districtId, districtIds) : sql`false`)
    .orderBy(asc(units.name), asc(units.id));
  if (query.unitId && !unitRows.some((u) => u.id === query.unitId)) {
    throw badRequest("unit_not_in_scope", "Inte en enhet i dina distrikt / Not a unit of your districts", [
      { path: "querystring.unitId", message: "Välj en av dina enheter" },
    ]);
  }
  const listed = query.unitId ? unitRows.filter((u) => u.id === query.unitId) : unitRows;
  const [rows, keyOf] = await Promise.all([
    db
      .select({
        id: deviations.id,
        kind: deviations.kind,
        unitId: deviations.unitId,
        lexSarah: deviations.lexSarah,
        serious: deviations.serious,
        month: sql<string>`to_char(${deviations.reportedAt} at time zone 'Europe/Stockholm', 'YYYY-MM')`,
      })
      .from(deviations)
      .where(
        and(
          districtIds.length ? inArray(deviations.districtId, districtIds) : sql`false`,
          query.unitId ? eq(deviations.unitId, query.unitId) : undefined,
          gte(deviations.reportedAt, startOfStockholmDay(query.from)),
          lt(deviations.reportedAt, startOfStockholmDay(addCalendarDays(query.to, 1))),
        ),
      ),
    recordKeys(database),
    audit(db, actor, {
      action: "stats.deviations",
      permission: "stats:read",
      recordType: "deviation",
      details: { from: query.from, to: query.to, districts: districtIds, unitId: query.unitId ?? null },
    }),
  ]);
  const figures = deviationFigures(
    rows.map((r) => ({
      key: keyOf(r.id),
      kind: r.kind as DeviationKind,
      unitId: r.unitId,
      lexSarah: r.lexSarah as LexSarahKind,
      serious: r.serious,
      month: r.month,
    })),
    { from: query.from, to: query.to, unitIds: listed.map((u) => u.id) },
  );
  const unitName = new Map(unitRows.map((u) => [u.id, u.name]));
  return {
    from: query.from,
    to: query.to,
    generatedAt: now.toISOString(),
    districtIds,
    unitId: query.unitId ?? null,
    disclosure: disclosureNote(granularity, figures.protectedWhole),
    total: figures.total,
    byKind: figures.byKind,
    byUnit: figures.byUnit.map((u) => ({ ...u, unitName: unitName.get(u.unitId) ?? "" })),
    byMonth: figures.byMonth,
    lexSarah: figures.lexSarah,
  };
}
