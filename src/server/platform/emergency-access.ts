import type { Actor, EmergencyGrantRef } from "./actor";

/**
 * Where nödåtkomst reaches: reading (GET) a person and what hangs off them — their page, cases and
 * the records a case page opens. Nothing else: no write (a grant is read only, so a POST, PATCH,
 * PUT or DELETE never sees the person), no overview, report, export or statistics, no audit log.
 * The actor keeps its grants only on these routes, so everywhere else the scope is what it was.
 */
const READABLE_ROUTES: readonly RegExp[] = [
  /^\/api\/persons\/:id(\/|$)/,
  /^\/api\/cases(\/|$)/,
  /^\/api\/insatser\/:id(\/|$)/,
  /^\/api\/assessments\/:id$/,
  /^\/api\/plans\/:id$/,
  /^\/api\/journal\/:id$/,
  /^\/api\/action-plans\/:id$/,
];

export function emergencyReadable(method: string, routeUrl: string | undefined): boolean {
  return method === "GET" && routeUrl !== undefined && READABLE_ROUTES.some((r) => r.test(routeUrl));
}

/** The actor as a route sees it: its grants only where they may be used, and only the live ones. */
export function actorForRoute(actor: Actor, method: string, routeUrl: string | undefined, now = Date.now()): Actor {
  if (!actor.emergencyGrants) return actor;
  const live = emergencyReadable(method, routeUrl) ? actor.emergencyGrants.filter((g) => g.expiresAt > now) : [];
  if (live.length === actor.emergencyGrants.length) return actor;
  const { emergencyGrants: _, ...rest } = actor;
  return live.length ? { ...rest, emergencyGrants: live } : rest;
}

/** The grant under which the actor reads this person, if any. */
export function emergencyGrantFor(actor: Actor | null, personId: string | null | undefined): EmergencyGrantRef | undefined {
  if (!actor?.emergencyGrants || !personId) return undefined;
  return actor.emergencyGrants.find((g) => g.personId === personId);
}

/** The audit purpose of a read under a grant: the grant's category and reason, then any purpose the read gave. */
export function emergencyPurpose(grant: EmergencyGrantRef, purpose: string | null | undefined): string {
  const base = `Nödåtkomst (${grant.category}): ${grant.reason}`;
  return purpose ? `${base} — ${purpose}` : base;
}

/** Grants as the session query returns them (JSON), turned into refs: only those still live at `now`. */
export function liveGrantRefs(
  rows: { id: string; personId: string; category: string; reason: string; expiresAt: string }[] | null | undefined,
  now: number,
): EmergencyGrantRef[] {
  if (!rows) return [];
  return rows
    .map((r) => ({ id: r.id, personId: r.personId, category: r.category, reason: r.reason, expiresAt: Date.parse(r.expiresAt) }))
    .filter((g) => g.expiresAt > now)
    .sort((a, b) => a.id.localeCompare(b.id));
}
