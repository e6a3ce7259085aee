import { useEffect, useMemo, useState } from "react";
import { Link, useLocation, useNavigate } from "react-router";
import type { CreateDeviationInput } from "../../contracts/deviations";
import { DEVIATION_KIND_LABELS, DEVIATION_KINDS, type DeviationKind } from "../../domain/deviations/vocabulary";
import { PERMISSIONS } from "../../domain/roles";
import { api } from "../api";
import { useAuth } from "../auth";
import { FormError, stockholmLocalToIso, stockholmNowLocal, TextAreaField, useSubmit } from "../components/CaseFormParts";
import { type DeviationListItem, deviationApi } from "../components/DeviationApi";
import { Alert, Field, SelectField } from "../components/Field";
import { formatDateTime, type TextKey, useLang } from "../i18n";

/**
 * What another page hands the form (router state, never the URL): the late-deadline list's one-click
 * avvikelse names the unit, the case or insats, the clock and its dates, and a first description.
 */
export interface DeviationPrefill {
  unitId?: string | null;
  caseId?: string;
  insatsId?: string | null;
  kind?: DeviationKind;
  occurredAt?: string;
  description?: string;
  origin?: CreateDeviationInput["origin"];
}

/** The report form (/avvikelser/ny): anyone with deviation:report, for a unit of their districts. */
export function DeviationReport() {
  const { t, lang } = useLang();
  const { me } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const prefill = (location.state as { prefill?: DeviationPrefill } | null)?.prefill;
  const reporterRoles: readonly string[] = PERMISSIONS["deviation:report"];
  const districtIds = useMemo(
    () => new Set((me?.assignments ?? []).filter((a) => reporterRoles.includes(a.role)).map((a) => a.districtId)),
    [me, reporterRoles],
  );
  const [units, setUnits] = useState<{ id: string; name: string; districtId: string }[]>([]);
  const [unitId, setUnitId] = useState(prefill?.unitId ?? "");
  const [occurredAt, setOccurredAt] = useState(prefill?.occurredAt ?? stockholmNowLocal());
  const [kind, setKind] = useState<DeviationKind>(prefill?.kind ?? "handlaggning");
  const [description, setDescription] = useState(prefill?.description ?? "");
  const [links, setLinks] = useState<Pick<DeviationPrefill, "caseId" | "insatsId" | "origin"> | null>(
    prefill?.caseId ? { caseId: prefill.caseId, insatsId: prefill.insatsId ?? null, origin: prefill.origin } : null,
  );
  const [created, setCreated] = useState<string | null>(null);
  const [mine, setMine] = useState<DeviationListItem[] | null>(null);
  const { busy, error, run } = useSubmit();

  useEffect(() => {
    api.organisation().then(
      (o) => setUnits(o.units.filter((u) => districtIds.has(u.districtId))),
      () => setUnits([]),
    );
  }, [districtIds]);
  const loadMine = () =>
    deviationApi.list({ mine: "true", limit: 10 }).then(
      (r) => setMine(r.items),
      () => setMine([]),
    );
  useEffect(() => {
    void loadMine();
  }, []);

  const submit = () =>
    run(
      async () => {
        const body: CreateDeviationInput = {
          unitId,
          occurredAt: stockholmLocalToIso(occurredAt),
          kind,
          description,
          ...(links?.caseId ? { caseId: links.caseId } : {}),
          ...(links?.insatsId ? { insatsId: links.insatsId } : {}),
          ...(links?.origin ? { origin: links.origin } : {}),
        };
        const { id } = await deviationApi.report(body);
        setCreated(id);
      },
      async () => {
        setDescription("");
        setLinks(null);
        // The prefill is spent: a reload must not offer it again.
        navigate(location.pathname, { replace: true, state: null });
        await loadMine();
      },
    );

  return (
    <>
      <h1>{t("dvReportTitle")}</h1>
      <p>{t("dvReportIntro")}</p>
      <section className="card" aria-labelledby="dv-form-heading">
        <h2 id="dv-form-heading" className="visually-hidden">
          {t("dvReportTitle")}
        </h2>
        {created && (
          <Alert kind="success">
            {t("dvReported")} <Link to={`/avvikelser/${created}`}>{t("dvOpenReported")}</Link>
          </Alert>
        )}
        <FormError error={error} />
        <form
          className="grid-form"
          aria-labelledby="dv-form-heading"
          onSubmit={(e) => {
            e.preventDefault();
            setCreated(null);
            void submit();
          }}
        >
          {links && (
            <div className="field field-wide subcard" role="note" aria-label={t("dvPrefilled")}>
              <p>
                <strong>{t("dvPrefilled")}</strong>
              </p>
              <p>
                {links.insatsId ? (
                  <>
                    {t("dvLinkedInsats")}: <Link to={`/insatser/${links.insatsId}`}>{links.insatsId.slice(0, 8)}</Link>
                  </>
                ) : (
                  <>
                    {t("dvLinkedCase")}: <Link to={`/arenden/${links.caseId}`}>{links.caseId?.slice(0, 8)}</Link>
                  </>
                )}
              </p>
              <button type="button" className="secondary" onClick={() => setLinks(null)}>
                {t("dvRemoveLink")}
              </button>
            </div>
          )}
          <SelectField label={t("dvUnit")} value={unitId} onChange={setUnitId} required>
            <option value="">{t("dvChooseUnit")}</option>
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </SelectField>
          <Field
            label={t("dvOccurredAt")}
            hint={t("swedishTime")}
            type="datetime-local"
            value={occurredAt}
            max={stockholmNowLocal()}
            onChange={(e) => setOccurredAt(e.target.value)}
            required
          />
          <SelectField label={t("dvKind")} value={kind} onChange={(v) => setKind(v as DeviationKind)} required>
            {DEVIATION_KINDS.map((k) => (
              <option key={k} value={k}>
                {DEVIATION_KIND_LABELS[k][lang]}
              </option>
            ))}
          </SelectField>
          <TextAreaField
            label={t("dvDescription")}
            hint={t("dvDescriptionHint")}
            value={description}
            maxLength={10_000}
            rows={6}
            onChange={(e) => setDescription(e.target.value)}
            required
          />
          <div className="form-actions">
            <button type="submit" disabled={busy}>
              {t("dvSubmit")}
            </button>
          </div>
        </form>
      </section>
      <section className="card" aria-labelledby="dv-mine">
        <h2 id="dv-mine">{t("dvMyReports")}</h2>
        {mine === null ? (
          <p role="status">{t("loading")}</p>
        ) : mine.length === 0 ? (
          <p>{t("dvNoReports")}</p>
        ) : (
          <ul className="plain">
            {mine.map((d) => (
              <li key={d.id}>
                <Link to={`/avvikelser/${d.id}`}>
                  {formatDateTime(d.reportedAt, lang)} · {DEVIATION_KIND_LABELS[d.kind][lang]} · {d.unitName}
                </Link>{" "}
                — {t(`dvState_${d.state}` as TextKey)}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
