import { type FormEvent, type ReactNode, useEffect, useMemo, useRef, useState } from "react";
import { LEGAL_FORM_LABELS, LEGAL_FORMS, type LegalForm } from "../../domain/interventions/vocabulary";
import { PERMISSIONS } from "../../domain/roles";
import { stockholmToday } from "../../domain/time";
import { ApiError, api } from "../api";
import { useAuth } from "../auth";
import { useLang } from "../i18n";
import { PROVIDER_UNIT_KINDS } from "./CaseInsatser";
import { Alert, Field, SelectField } from "./Field";
import { insatsApi } from "./InsatsApi";

/** What every statistics page filters on: a period, and optionally a district and a unit. */
export interface PeriodFilter {
  from: string;
  to: string;
  districtId?: string;
  unitId?: string;
}

/**
 * The default period: this calendar year. A calendar period is what every role may ask for (an
 * aggregate-only role asks for a month, quarter, tertial, half-year or year, nothing else).
 */
export function thisCalendarYear(): { from: string; to: string } {
  const year = stockholmToday().slice(0, 4);
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/**
 * A statistics report with its filter: this calendar year loads at once, later loads come from
 * the filter form. `set` clears the unit when the district changes, since units belong to one.
 */
export function useStatsReport<F extends PeriodFilter, R>(fetchReport: (filter: F) => Promise<R>, onLoad?: (filter: F) => void) {
  const { t } = useLang();
  const [filter, setFilter] = useState<F>(thisCalendarYear() as F);
  const [data, setData] = useState<R | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const current = useRef(filter);
  current.current = filter;

  async function load(e?: FormEvent) {
    e?.preventDefault();
    setError(null);
    setLoading(true);
    const f = { ...current.current };
    onLoad?.(f);
    try {
      setData(await fetchReport(f));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t("error"));
    } finally {
      setLoading(false);
    }
  }
  // Load once with the default period; afterwards on submit.
  useEffect(() => {
    void load();
  }, []);

  const set = (k: keyof F, v: string) =>
    setFilter((f) => ({ ...f, [k]: v || undefined, ...(k === "districtId" ? { unitId: undefined } : {}) }));
  return { filter, set, data, error, loading, load };
}

/** The districts and units where the signed-in user holds a role that may see statistics. */
export function useStatsScope(districtId: string | undefined) {
  const { me } = useAuth();
  const statsRoles: readonly string[] = PERMISSIONS["stats:read"];
  const mine = useMemo(() => (me?.assignments ?? []).filter((a) => statsRoles.includes(a.role)), [me, statsRoles]);
  const districts = [...new Map(mine.map((a) => [a.districtId, a.districtName])).entries()];
  const units = [
    ...new Map(mine.filter((a) => !districtId || a.districtId === districtId).map((a) => [a.unitId, a.unitName])).entries(),
  ];
  return { districts, units };
}

/**
 * The filter form of a statistics page: period, district (when the user has several) and a unit
 * select; `children` adds the page's own fields before the button.
 */
export function StatsFilterForm<F extends PeriodFilter>({
  report,
  districts,
  units,
  unitLabel,
  allUnitsLabel,
  children,
}: {
  report: Pick<ReturnType<typeof useStatsReport<F, unknown>>, "filter" | "set" | "load" | "loading" | "error">;
  districts: [string, string][];
  units: [string, string][];
  unitLabel?: string;
  allUnitsLabel?: string;
  children?: ReactNode;
}) {
  const { t } = useLang();
  const { filter, set, load, loading, error } = report;
  return (
    <section className="card">
      <form className="inline-form" onSubmit={load} aria-label={t("filter")}>
        <Field label={t("from")} type="date" value={filter.from} onChange={(e) => set("from", e.target.value)} required />
        <Field label={t("to")} type="date" value={filter.to} onChange={(e) => set("to", e.target.value)} required />
        {districts.length > 1 && (
          <SelectField label={t("district")} value={filter.districtId ?? ""} onChange={(v) => set("districtId", v)}>
            <option value="">{t("htAllDistricts")}</option>
            {districts.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </SelectField>
        )}
        <SelectField label={unitLabel ?? t("unit")} value={filter.unitId ?? ""} onChange={(v) => set("unitId", v)}>
          <option value="">{allUnitsLabel ?? t("all")}</option>
          {units.map(([id, name]) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </SelectField>
        {children}
        <button type="submit" disabled={loading}>
          {t("filter")}
        </button>
      </form>
      {loading && <p role="status">{t("loading")}</p>}
      {error && <Alert kind="error">{error}</Alert>}
    </section>
  );
}

/**
 * The provider units (öppenvård, förebyggande, familjehem) of the districts the user sees figures
 * for, or of the chosen district: the insats reports filter on who carried the insatser out.
 */
export function useProviderUnits(districtId: string | undefined, districts: [string, string][]): [string, string][] {
  const [units, setUnits] = useState<{ id: string; districtId: string; name: string; kind: string }[]>([]);
  useEffect(() => {
    api.organisation().then(
      (o) => setUnits(o.units),
      () => setUnits([]),
    );
  }, []);
  const allowed = new Set(districts.map(([id]) => id));
  return units
    .filter((u) => (districtId ? u.districtId === districtId : allowed.has(u.districtId)))
    .filter((u) => (PROVIDER_UNIT_KINDS as readonly string[]).includes(u.kind))
    .map((u) => [u.id, u.name]);
}

/**
 * The filter of the insats reports (samlad bild, effects): period, district, provider unit, legal
 * form (bistånd, service, LVU, påföljd; the exports carry it as the page's filter) and catalogue
 * entry, the entries narrowed to the chosen legal form.
 */
export function InsatsStatsFilterForm<F extends PeriodFilter & { catalogueId?: string; legalForm?: LegalForm }>({
  report,
}: {
  report: Pick<ReturnType<typeof useStatsReport<F, unknown>>, "filter" | "set" | "load" | "loading" | "error">;
}) {
  const { t, lang } = useLang();
  const { filter, set } = report;
  const { districts } = useStatsScope(filter.districtId);
  const providerUnits = useProviderUnits(filter.districtId, districts);
  const [catalogue, setCatalogue] = useState<{ id: string; name: string; legalForm: LegalForm }[]>([]);
  const shown = filter.legalForm ? catalogue.filter((c) => c.legalForm === filter.legalForm) : catalogue;
  useEffect(() => {
    insatsApi.catalogue().then(
      (c) => setCatalogue(c.items),
      () => setCatalogue([]),
    );
  }, []);
  return (
    <StatsFilterForm
      report={report}
      districts={districts}
      units={providerUnits}
      unitLabel={t("sbProviderUnit")}
      allUnitsLabel={t("sbAllUnits")}
    >
      <SelectField
        label={t("yoLegalForm")}
        value={filter.legalForm ?? ""}
        onChange={(v) => {
          set("legalForm", v);
          // An entry of another legal form would filter everything away.
          const entry = catalogue.find((c) => c.id === filter.catalogueId);
          if (v && entry && entry.legalForm !== v) set("catalogueId", "");
        }}
      >
        <option value="">{t("yoAllLegalForms")}</option>
        {LEGAL_FORMS.map((f) => (
          <option key={f} value={f}>
            {LEGAL_FORM_LABELS[f][lang]}
          </option>
        ))}
      </SelectField>
      <SelectField label={t("insats")} value={filter.catalogueId ?? ""} onChange={(v) => set("catalogueId", v)}>
        <option value="">{t("sbAllInsatser")}</option>
        {shown.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </SelectField>
    </StatsFilterForm>
  );
}
