import { and, eq, inArray } from "drizzle-orm";
import type { CoverReason, CoverTarget } from "../../../domain/consent/rules";
import { findCover } from "../../../domain/consent/rules";
import type { Agency, ForumType, InformationCategory } from "../../../domain/consent/vocabulary";
import type { Db, Tx } from "../../db/connection";
import { consents, forumMeetings, forums, persons } from "../../db/schema/index";
import { type Actor, districtsWithPermission } from "../../platform/actor";
import { conflict, notFound } from "../../platform/errors";
import { personScope } from "../../platform/scope";

/** Forums are the district's: those who hold forum:manage there see and run them, nobody else. */
export function forumDistricts(actor: Actor): string[] {
  return districtsWithPermission(actor, "forum:manage");
}

/** A forum of the actor's districts, else 404 (missing and forbidden answer alike). */
export async function forumInScope(tx: Db | Tx, actor: Actor, id: string) {
  const districts = forumDistricts(actor);
  if (!districts.length) throw notFound();
  const [row] = await tx
    .select()
    .from(forums)
    .where(and(eq(forums.id, id), inArray(forums.districtId, districts)));
  if (!row) throw notFound();
  return row;
}

/** A meeting with its forum, of the actor's districts, else 404; locked when it is to be changed. */
export async function meetingInScope(tx: Db | Tx, actor: Actor, id: string, lock = false) {
  const districts = forumDistricts(actor);
  if (!districts.length) throw notFound();
  const query = tx
    .select({ meeting: forumMeetings, forum: forums })
    .from(forumMeetings)
    .innerJoin(forums, eq(forums.id, forumMeetings.forumId))
    .where(and(eq(forumMeetings.id, id), inArray(forums.districtId, districts)));
  const [row] = lock ? await query.for("update", { of: forumMeetings }) : await query;
  if (!row) throw notFound();
  return row;
}

/** A person the actor may see (scope.ts), else 404. */
export async function personInScope(tx: Db | Tx, actor: Actor, id: string) {
  const [row] = await tx
    .select({
      id: persons.id,
      firstName: persons.firstName,
      lastName: persons.lastName,
      birthDate: persons.birthDate,
      districtId: persons.districtId,
    })
    .from(persons)
    .where(and(eq(persons.id, id), personScope(actor)));
  if (!row) throw notFound();
  return row;
}

type ConsentRow = typeof consents.$inferSelect;
const facts = (c: ConsentRow) => ({
  ...c,
  agencies: c.agencies as Agency[],
  categories: c.categories as InformationCategory[],
  forumTypes: c.forumTypes as ForumType[],
});

const REASONS: Record<CoverReason | "no_consent", string> = {
  no_consent: "Inget samtycke finns registrerat / No consent is recorded",
  not_yet_valid: "Samtycket gäller inte ännu den dagen / The consent is not yet valid on that day",
  expired: "Samtycket har gått ut / The consent has expired",
  revoked: "Samtycket är återkallat / The consent has been revoked",
  forum_not_covered: "Samtycket omfattar inte detta forum / The consent does not cover this forum",
  agency_not_covered: "Samtycket omfattar inte alla aktörer / The consent does not cover every agency",
  category_not_covered: "Samtycket omfattar inte alla uppgifter / The consent does not cover all the information",
};
export const coverReasonText = (reason: CoverReason | "no_consent") => REASONS[reason];

/**
 * The consent that covers sharing about the person on the day, or 409 consent_required naming why
 * none does. The consents are read FOR SHARE: a revocation running at the same time waits for this
 * transaction, or this one sees the revocation; never an agenda item under a consent revoked before it.
 */
export async function requireCover(tx: Tx, personId: string, target: CoverTarget, at: string, field: string) {
  const rows = await tx.select().from(consents).where(eq(consents.personId, personId)).for("share");
  const found = findCover(rows.map(facts), target, at);
  if (found.ok) return found.consent;
  const missing = found.missing?.length ? ` (${found.missing.join(", ")})` : "";
  throw conflict("consent_required", "Inget giltigt samtycke täcker detta / No valid consent covers this", [
    { path: field, message: `${coverReasonText(found.reason)}${missing}` },
  ]);
}

/** Whether the person's consents cover the target on the day, without refusing: for showing an agenda. */
export function coverOf(rows: ConsentRow[], target: CoverTarget, at: string) {
  const found = findCover(rows.map(facts), target, at);
  return found.ok ? { covered: true, reason: null } : { covered: false, reason: coverReasonText(found.reason) };
}
