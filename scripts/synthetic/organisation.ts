import type { Role } from "../../src/domain/roles";
import { ADULT_NAMES, DISTRICT_NAMES, LAST_NAMES } from "./names";
import type { Random } from "./random";

export interface SynthUnit {
  id: string;
  districtId: string;
  name: string;
  kind: "mottagning" | "utredning" | "oppenvard" | "forebyggande" | "kvalitet" | "ledning";
}
export interface SynthUser {
  id: string;
  username: string;
  displayName: string;
  protectedIdentityAccess: boolean;
  roles: { unitId: string; role: Role }[];
}
export interface SynthDistrict {
  id: string;
  code: string;
  name: string;
  /** Share of the municipality's reports: districts differ in size as real ones do. */
  weight: number;
  units: Record<"mottagning" | "utredning" | "oppenvard" | "forebyggande" | "kvalitet", SynthUnit>;
  /** Staff by what they do in the case flow; demo accounts are among them. */
  mottagning: SynthUser[];
  utredare: SynthUser[];
  chefer: { mottagning: SynthUser; utredning: SynthUser };
}

/** The accounts the README lists; all in the first district, the admin ones centrally. */
export const DEMO_ACCOUNTS = [
  { username: "handlaggare", role: "handlaggare" },
  { username: "samordnare", role: "samordnare" },
  { username: "utforare", role: "insatsutforare" },
  { username: "enhetschef", role: "enhetschef" },
  { username: "kvalitet", role: "kvalitet" },
  { username: "analytiker", role: "analytiker" },
  { username: "sysadmin", role: "systemadministrator" },
] as const;

const ascii = (s: string) =>
  s
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "");

/** The name and code of the i-th generated district: the first is where the demo accounts work. */
export function districtNameAt(i: number): { name: string; code: string } {
  const base = DISTRICT_NAMES[i % DISTRICT_NAMES.length] as string;
  const name = i < DISTRICT_NAMES.length ? base : `${base} ${Math.floor(i / DISTRICT_NAMES.length) + 1}`;
  return { name, code: ascii(name).slice(0, 24) || `d${i}` };
}

export function buildOrganisation(rng: Random, districtCount: number, reportsPerYear: number) {
  const users: SynthUser[] = [];
  const taken = new Set<string>(DEMO_ACCOUNTS.map((a) => a.username));
  const person = (districtCode: string, roles: SynthUser["roles"], protectedIdentityAccess = false): SynthUser => {
    const first = rng.pick(ADULT_NAMES);
    const last = rng.pick(LAST_NAMES);
    let username = `${ascii(first)}.${ascii(last)}.${districtCode}`;
    for (let n = 2; taken.has(username); n++) username = `${ascii(first)}.${ascii(last)}${n}.${districtCode}`;
    taken.add(username);
    const user = { id: rng.uuid(), username, displayName: `${first} ${last}`, protectedIdentityAccess, roles };
    users.push(user);
    return user;
  };
  const demo = (username: string, displayName: string, roles: SynthUser["roles"], protectedIdentityAccess = false) => {
    const user = { id: rng.uuid(), username, displayName, protectedIdentityAccess, roles };
    users.push(user);
    return user;
  };

  const weights = Array.from({ length: districtCount }, () => 0.6 + rng.next() * 0.8);
  const total = weights.reduce((a, b) => a + b, 0);
  const districts: SynthDistrict[] = [];
  for (let i = 0; i < districtCount; i++) {
    const { name, code } = districtNameAt(i);
    const id = rng.uuid();
    const unit = (kind: SynthUnit["kind"], label: string): SynthUnit => ({
      id: rng.uuid(),
      districtId: id,
      name: `${label} ${name}`,
      kind,
    });
    const units = {
      mottagning: unit("mottagning", "Mottagning barn och unga"),
      utredning: unit("utredning", "Utredning barn och unga"),
      oppenvard: unit("oppenvard", "Öppenvård"),
      forebyggande: unit("forebyggande", "Förebyggande och fält"),
      kvalitet: unit("kvalitet", "Kvalitet och uppföljning"),
    };
    const weight = (weights[i] as number) / total;
    // About 250 reports a year per handläggare in mottagning, 60 investigations per utredare.
    const yearly = reportsPerYear * weight;
    const nMottagning = Math.max(2, Math.round(yearly / 250));
    const nUtredare = Math.max(3, Math.round((yearly * 0.38) / 60));
    const h = (unitId: string) => [{ unitId, role: "handlaggare" as Role }];
    const mottagning = Array.from({ length: nMottagning }, () => person(code, h(units.mottagning.id)));
    const utredare = Array.from({ length: nUtredare }, () => person(code, h(units.utredning.id)));
    const chef = (u: SynthUnit) => person(code, [{ unitId: u.id, role: "enhetschef" }], true);
    const chefer = { mottagning: chef(units.mottagning), utredning: chef(units.utredning) };
    chef(units.oppenvard);
    person(code, [{ unitId: units.forebyggande.id, role: "samordnare" }]);
    for (let n = 0; n < Math.max(2, Math.round(nUtredare / 2)); n++) {
      person(code, [{ unitId: units.oppenvard.id, role: "insatsutforare" }]);
    }
    person(code, [{ unitId: units.kvalitet.id, role: "kvalitet" }]);
    if (i === 0) {
      utredare.unshift(demo("handlaggare", "Hanna Handläggare (demo)", [{ unitId: units.utredning.id, role: "handlaggare" }]));
      chefer.utredning = demo("enhetschef", "Erik Enhetschef (demo)", [{ unitId: units.utredning.id, role: "enhetschef" }], true);
      demo("samordnare", "Sara Samordnare (demo)", [{ unitId: units.forebyggande.id, role: "samordnare" }]);
      demo("utforare", "Omar Utförare (demo)", [{ unitId: units.oppenvard.id, role: "insatsutforare" }]);
      demo("kvalitet", "Karin Kvalitet (demo)", [{ unitId: units.kvalitet.id, role: "kvalitet" }]);
    }
    districts.push({ id, code, name, weight, units, mottagning, utredare, chefer });
  }
  return { districts, users, demo };
}
