import { useCallback, useEffect, useMemo, useState } from "react";
import { Link } from "react-router";
import type { z } from "zod";
import type { organisationResponse } from "../../contracts/organisation";
import { caseAccepts } from "../../domain/case-flow";
import { earliestStart } from "../../domain/interventions/guards";
import {
  EVIDENCE_STATUS_LABELS,
  EVIDENCE_STATUSES,
  LEGAL_FORM_LABELS,
  type LegalForm,
} from "../../domain/interventions/vocabulary";
import { roleHasPermission } from "../../domain/roles";
import { stockholmDate, stockholmToday } from "../../domain/time";
import type { ApiError } from "../api";
import { useAuth } from "../auth";
import { formatDateTime, type TextKey, useLang } from "../i18n";
import type { CaseFile } from "./CaseApi";
import { asApiError } from "./CaseApi";
import { CaseForm, FormError, TextAreaField, useSubmit } from "./CaseFormParts";
import { Field, SelectField } from "./Field";
import { type CatalogueEntry, type InsatsSummary, insatsApi } from "./InsatsApi";
import { AgeRangeFields, ageCheck } from "./InsatsGuards";
import { DaysToStart, dash, IvoFlag, PlanStateText } from "./InsatsParts";

type Org = z.infer<typeof organisationResponse>;

/** Units that carry out insatser (the server accepts only these kinds, in the case's district). */
export const PROVIDER_UNIT_KINDS = ["oppenvard", "forebyggande", "familjehem"] as const;

/** The day each legal form but bistånd (which takes its decision's day) asks for when an insats is given. */
const DECIDED_ON_LABEL = {
  service: "insGrantedOn",
  lvu: "yoInsatsLvuDecidedOn",
  pafoljd: "yoInsatsPafoljdJudgedOn",
} as const satisfies Record<Exclude<LegalForm, "bistand">, TextKey>;

/** The case's insatser (uppdrag to provider units) and, for insats:manage, the form that gives one. */
export function CaseInsatser({ caseFile: c, org }: { caseFile: CaseFile; org: Org | null }) {
  const { t } = useLang();
  const { me } = useAuth();
  const canManage = (me?.assignments ?? []).some(
    (a) => a.districtId === c.districtId && roleHasPermission(a.role, "insats:manage"),
  );
  const [items, setItems] = useState<InsatsSummary[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const load = useCallback(async () => {
    try {
      setItems((await insatsApi.caseInsatser(c.id)).items);
      setError(null);
    } catch (e) {
      setError(asApiError(e, t("error")));
    }
  }, [c.id, t]);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section className="card" aria-labelledby="insatser-heading">
      <h2 id="insatser-heading">{t("insInsatser")}</h2>
      <FormError error={error} />
      {items === null && !error && <p role="status">{t("loading")}</p>}
      {items?.length === 0 && <p>{t("insNoInsatser")}</p>}
      {items && items.length > 0 && <InsatsTable items={items} caption={t("insInsatser")} />}
      {canManage && caseAccepts(c.closedAt !== null, "insats") && <GiveUppdragForm caseFile={c} org={org} onCreated={load} />}
    </section>
  );
}

/** The insatser of a case as a table; each row links to its insats page. */
export function InsatsTable({ items, caption }: { items: InsatsSummary[]; caption: string }) {
  const { t, lang } = useLang();
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("insats")}</th>
            <th scope="col">{t("insLegalForm")}</th>
            <th scope="col">{t("insDecidedOn")}</th>
            <th scope="col">{t("insProviderUnit")}</th>
            <th scope="col">{t("insStartedOn")}</th>
            <th scope="col">{t("insPlan")}</th>
            <th scope="col">{t("insDaysToStart")}</th>
            <th scope="col">{t("insIvo")}</th>
            <th scope="col">{t("insNextFollowUp")}</th>
            <th scope="col">{t("insNextOvervagande")}</th>
            <th scope="col">{t("insEndedOn")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr key={i.id}>
              <th scope="row">
                <Link to={`/insatser/${i.id}`}>{i.catalogue.name}</Link>
              </th>
              <td>{LEGAL_FORM_LABELS[i.legalForm][lang]}</td>
              <td>{i.decidedOn}</td>
              <td>{i.providerUnitName}</td>
              <td>{i.startedOn ?? t("insNotStarted")}</td>
              <td>
                <PlanStateText state={i.planState} />
              </td>
              <td>
                <DaysToStart days={i.daysDecisionToStart} />
              </td>
              <td>
                <IvoFlag reportable={i.ivoReportable} />
              </td>
              <td>{dash(i.nextFollowUp)}</td>
              <td>{dash(i.nextOvervagande)}</td>
              <td>{dash(i.endedOn)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function GiveUppdragForm({
  caseFile: c,
  org,
  onCreated,
}: {
  caseFile: CaseFile;
  org: Org | null;
  onCreated: () => Promise<void>;
}) {
  const { t, lang } = useLang();
  const [catalogue, setCatalogue] = useState<CatalogueEntry[] | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const empty = {
    catalogueId: "",
    decisionId: "",
    decidedOn: stockholmToday(),
    providerUnitId: "",
    advisedAgainstReason: "",
    ageOutsideReason: "",
  };
  const [form, setForm] = useState(empty);
  const { busy, error, run } = useSubmit();

  useEffect(() => {
    insatsApi
      .catalogue()
      .then((r) => setCatalogue(r.items))
      .catch((e) => setLoadError(asApiError(e, t("error"))));
  }, [t]);

  const offered = useMemo(
    () => (catalogue ?? []).filter((e) => e.active && e.districtIds.includes(c.districtId)),
    [catalogue, c.districtId],
  );
  const entry = offered.find((e) => e.id === form.catalogueId);
  const bistandDecisions = c.decisions.filter((d) => d.type === "bistand");
  // The age that counts is the one at the start: the earliest it can be is the later of the decision day and today.
  const chosenDecision = bistandDecisions.find((d) => d.id === form.decisionId);
  const decidedOn =
    entry?.legalForm === "bistand" ? (chosenDecision ? stockholmDate(new Date(chosenDecision.decidedAt)) : "") : form.decidedOn;
  const startOn = earliestStart(decidedOn, stockholmToday());
  const target = entry ? { min: entry.targetAgeMin, max: entry.targetAgeMax } : null;
  const ageOutside = target ? ageCheck(c.personBirthDate, startOn, target) : null;
  const providerUnits = (org?.units ?? []).filter(
    (u) => u.districtId === c.districtId && (PROVIDER_UNIT_KINDS as readonly string[]).includes(u.kind),
  );

  return (
    <CaseForm
      heading={t("insGiveUppdrag")}
      busy={busy}
      error={error}
      submitLabel={t("insGiveUppdrag")}
      onSubmit={() =>
        void run(
          () =>
            insatsApi.create(c.id, {
              catalogueId: form.catalogueId,
              providerUnitId: form.providerUnitId,
              decisionId: entry?.legalForm === "bistand" && form.decisionId ? form.decisionId : undefined,
              // Every legal form but bistånd carries its own day: granted (service), decided (LVU), judged (påföljd).
              decidedOn: entry && entry.legalForm !== "bistand" && form.decidedOn ? form.decidedOn : undefined,
              advisedAgainstReason:
                entry?.evidenceStatus === "avrads" && form.advisedAgainstReason.trim()
                  ? form.advisedAgainstReason.trim()
                  : undefined,
              ageOutsideReason: ageOutside && form.ageOutsideReason.trim() ? form.ageOutsideReason.trim() : undefined,
            }),
          async () => {
            setForm(empty);
            await onCreated();
          },
        )
      }
    >
      <FormError error={loadError} />
      {catalogue !== null && offered.length === 0 && <p className="hint field-wide">{t("insNoOffered")}</p>}
      <SelectField
        label={t("insCatalogueEntry")}
        hint={t("insCatalogueHint")}
        value={form.catalogueId}
        onChange={(v) => setForm({ ...form, catalogueId: v })}
        error={error?.fieldMessage("catalogueId")}
        required
      >
        <option value="">{t("choose")}</option>
        {EVIDENCE_STATUSES.map((s) => {
          const group = offered.filter((e) => e.evidenceStatus === s);
          if (group.length === 0) return null;
          return (
            <optgroup key={s} label={EVIDENCE_STATUS_LABELS[s][lang]}>
              {group.map((e) => (
                <option key={e.id} value={e.id}>
                  {s === "avrads" ? "⚠ " : ""}
                  {e.name} — {LEGAL_FORM_LABELS[e.legalForm][lang]}
                  {s === "avrads" ? ` (${EVIDENCE_STATUS_LABELS[s][lang]})` : ""}
                </option>
              ))}
            </optgroup>
          );
        })}
      </SelectField>
      {entry && (
        <p className="hint field-wide">
          {t("insEvidenceStatus")}: {EVIDENCE_STATUS_LABELS[entry.evidenceStatus][lang]} ·{" "}
          {LEGAL_FORM_LABELS[entry.legalForm][lang]}
          {entry.description ? ` · ${entry.description}` : ""}
        </p>
      )}
      {target && (
        <AgeRangeFields
          target={target}
          outside={ageOutside}
          onDate={startOn}
          reason={form.ageOutsideReason}
          onReason={(v) => setForm({ ...form, ageOutsideReason: v })}
          error={error?.fieldMessage("ageOutsideReason")}
        />
      )}
      {entry?.evidenceStatus === "avrads" && (
        <>
          <div className="alert alert-error field-wide" role="alert">
            <span aria-hidden="true">⚠ </span>
            <strong>
              {t("insAdvisedAgainst")} {entry.name}.
            </strong>{" "}
            {t("insAdvisedAgainstText")}
          </div>
          <TextAreaField
            label={t("insAdvisedAgainstReason")}
            value={form.advisedAgainstReason}
            maxLength={2_000}
            onChange={(e) => setForm({ ...form, advisedAgainstReason: e.target.value })}
            error={error?.fieldMessage("advisedAgainstReason")}
            required
          />
        </>
      )}
      {entry?.legalForm === "bistand" &&
        (bistandDecisions.length === 0 ? (
          <p className="alert alert-error field-wide" role="alert">
            {t("insNoBistandDecision")}
          </p>
        ) : (
          <SelectField
            label={t("insBistandDecision")}
            value={form.decisionId}
            onChange={(v) => setForm({ ...form, decisionId: v })}
            error={error?.fieldMessage("decisionId")}
            required
          >
            <option value="">{t("choose")}</option>
            {bistandDecisions.map((d) => (
              <option key={d.id} value={d.id}>
                {formatDateTime(d.decidedAt, lang)} — {d.decidedByName}
                {d.reason ? ` — ${d.reason.slice(0, 60)}` : ""}
              </option>
            ))}
          </SelectField>
        ))}
      {entry && entry.legalForm !== "bistand" && (
        <Field
          label={t(DECIDED_ON_LABEL[entry.legalForm])}
          type="date"
          value={form.decidedOn}
          max={stockholmToday()}
          onChange={(e) => setForm({ ...form, decidedOn: e.target.value })}
          error={error?.fieldMessage("decidedOn")}
          required
        />
      )}
      <SelectField
        label={t("insProviderUnit")}
        value={form.providerUnitId}
        onChange={(v) => setForm({ ...form, providerUnitId: v })}
        error={error?.fieldMessage("providerUnitId")}
        required
      >
        <option value="">{t("choose")}</option>
        {providerUnits.map((u) => (
          <option key={u.id} value={u.id}>
            {u.name}
          </option>
        ))}
      </SelectField>
    </CaseForm>
  );
}
