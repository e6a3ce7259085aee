import { and, eq, inArray } from "drizzle-orm";
import { ACCESS_FLAG_LABELS } from "../../../domain/governance/labels";
import type { AccessFlag } from "../../../domain/governance/log-review";
import { roleHasPermission } from "../../../domain/roles";
import type { Tx } from "../../db/connection";
import { auditLog, persons, units } from "../../db/schema/index";
import type { Actor } from "../../platform/actor";
import { badRequest } from "../../platform/errors";
import { createDeviation } from "../deviations/service";

/** What a flagged item of a log review hands to the avvikelse module. */
export interface FlaggedAccess {
  reviewId: string;
  itemId: string;
  districtId: string;
  month: string;
  auditId: number | null;
  at: Date | null;
  personId: string | null;
  flags: string[];
  note: string;
}

/**
 * A flag in a log review becomes an avvikelse (kind "sekretess", origin log_review), in the
 * verdict's transaction. It is placed in the unit the access was made from when that unit is the
 * district's, else in the reviewer's own unit of the district; it names the person when the person
 * belongs to the district (an avvikelse links only within its district).
 */
export async function deviationForFlag(tx: Tx, actor: Actor, flag: FlaggedAccess, now: Date): Promise<string> {
  const [row] = flag.auditId
    ? await tx
        .select({ unitId: auditLog.unitId, districtId: units.districtId })
        .from(auditLog)
        .innerJoin(units, eq(units.id, auditLog.unitId))
        .where(eq(auditLog.id, flag.auditId))
    : [];
  const reviewerUnit = actor.assignments.find(
    (a) => a.districtId === flag.districtId && roleHasPermission(a.role, "deviation:report"),
  );
  const unitId = row?.districtId === flag.districtId && row.unitId ? row.unitId : reviewerUnit?.unitId;
  if (!unitId) {
    throw badRequest(
      "no_deviation_unit",
      "Ingen enhet i distriktet att rapportera avvikelsen i / No unit of the district to report the deviation in",
      [{ path: "body.verdict", message: "Du behöver en roll i distriktet / You need a role in the district" }],
    );
  }
  const [person] = flag.personId
    ? await tx
        .select({ id: persons.id })
        .from(persons)
        .where(and(eq(persons.id, flag.personId), inArray(persons.districtId, [flag.districtId])))
    : [];
  const flags = flag.flags.map((f) => ACCESS_FLAG_LABELS[f as AccessFlag]?.sv ?? f).join(", ");
  const { id } = await createDeviation(
    tx,
    actor,
    {
      unitId,
      occurredAt: (flag.at ?? now).toISOString(),
      kind: "sekretess",
      description: `Loggkontroll ${flag.month}: flaggad åtkomst${flags ? ` (${flags})` : ""}. ${flag.note}`,
      ...(person ? { personId: person.id } : {}),
      origin: { kind: "log_review", reviewId: flag.reviewId, itemId: flag.itemId },
    },
    now,
  );
  return id;
}
