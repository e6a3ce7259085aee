import { type ReactNode, useCallback, useEffect, useRef, useState } from "react";
import { Link, useParams } from "react-router";
import {
  DEVIATION_KIND_LABELS,
  DEVIATION_KINDS,
  DEVIATION_SOURCE_LABELS,
  type DeviationKind,
  LEX_SARAH_KINDS,
  LEX_SARAH_LABELS,
  type LexSarahKind,
  ROOT_CAUSE_LABELS,
  ROOT_CAUSES,
  type RootCause,
  SEVERITIES,
  SEVERITY_LABELS,
  type Severity,
} from "../../domain/deviations/vocabulary";
import { stockholmDate, stockholmToday } from "../../domain/time";
import { asApiError } from "../components/CaseApi";
import { CaseForm, CheckboxField, RadioGroup, TextAreaField, useSubmit } from "../components/CaseFormParts";
import { type DeviationDetail, deviationApi } from "../components/DeviationApi";
import { Alert, Field, SelectField } from "../components/Field";
import { ScrollTable } from "../components/InsatsParts";
import { formatDateTime, type TextKey, useLang } from "../i18n";

/** One avvikelse (/avvikelser/:id): the report, the lex Sarah path, the history and the next steps. */
export function Deviation() {
  const { id = "" } = useParams();
  const { t, lang } = useLang();
  const [d, setD] = useState<DeviationDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  const load = useCallback(async () => {
    try {
      setD(await deviationApi.get(id));
    } catch (e) {
      setError(asApiError(e, t("error")).message);
    }
  }, [id, t]);
  useEffect(() => {
    void load();
  }, [load]);

  /** After a step: reload, say so, and put focus on the page heading so nothing is lost. */
  const afterStep = async () => {
    await load();
    setSaved(true);
    heading.current?.focus();
  };

  if (error) return <Alert kind="error">{error}</Alert>;
  if (!d) return <p role="status">{t("loading")}</p>;
  const steps = new Set(d.availableSteps);
  const date = (iso: string | null) => (iso ? formatDateTime(iso, lang) : "—");

  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {t("dvDetailTitle")}: {DEVIATION_KIND_LABELS[d.kind][lang]}, {d.unitName}
      </h1>
      {saved && <Alert kind="success">{t("dvStepDone")}</Alert>}
      <section className="card" aria-labelledby="dv-facts">
        <h2 id="dv-facts">{t("dvFacts")}</h2>
        <dl className="facts">
          <dt>{t("dvState")}</dt>
          <dd>{t(`dvState_${d.state}` as TextKey)}</dd>
          <dt>{t("dvReportedAt")}</dt>
          <dd>
            {date(d.reportedAt)}, {d.reportedByName}
          </dd>
          <dt>{t("dvOccurredAt")}</dt>
          <dd>{date(d.occurredAt)}</dd>
          <dt>{t("dvSource")}</dt>
          <dd>{DEVIATION_SOURCE_LABELS[d.source][lang]}</dd>
          {d.severity && (
            <>
              <dt>{t("dvSeverity")}</dt>
              <dd>{SEVERITY_LABELS[d.severity][lang]}</dd>
            </>
          )}
          <dt>{t("dvLexFilter")}</dt>
          <dd>
            {LEX_SARAH_LABELS[d.lexSarah][lang]}
            {d.lexSarah !== "none" && `, ${d.serious ? t("dvSerious").toLowerCase() : t("dvLexNotRequired")}`}
          </dd>
          {d.personName && (
            <>
              <dt>{t("dvPersonLinked")}</dt>
              <dd>
                {d.personName}
                {d.caseId && (
                  <>
                    {" · "}
                    <Link to={`/arenden/${d.caseId}`}>{t("dvOpenCase")}</Link>
                  </>
                )}
                {d.insatsId && (
                  <>
                    {" · "}
                    <Link to={`/insatser/${d.insatsId}`}>{t("dvOpenInsats")}</Link>
                  </>
                )}
              </dd>
            </>
          )}
        </dl>
        <h3>{t("dvDescription")}</h3>
        <p className="prewrap">{d.description}</p>
        {d.analysis && (
          <>
            <h3>
              {t("dvInvestigate")} ({d.investigatedOn}
              {d.rootCause && `, ${ROOT_CAUSE_LABELS[d.rootCause][lang]}`})
            </h3>
            <p className="prewrap">{d.analysis}</p>
          </>
        )}
        {d.followUpText && (
          <>
            <h3>
              {t("dvFollowUp")} ({d.followedUpOn}, {d.followUpEffective ? t("dvEffectiveYes") : t("dvEffectiveNo")})
            </h3>
            <p className="prewrap">{d.followUpText}</p>
          </>
        )}
        {d.closeNote && (
          <>
            <h3>{t("dvCloseNote")}</h3>
            <p className="prewrap">{d.closeNote}</p>
          </>
        )}
      </section>

      {d.lexSarahPath && (
        <section className="card" aria-labelledby="dv-lex">
          <h2 id="dv-lex">{t("dvLexPath")}</h2>
          <dl className="facts">
            <dt>{t("dvLexReport")}</dt>
            <dd>
              {stockholmDate(new Date(d.reportedAt))} — {d.lexSarahPath.report.citation}
            </dd>
            <dt>{t("dvLexInvestigation")}</dt>
            <dd>
              {d.investigatedOn && d.lexSarahPath.investigation
                ? `${d.investigatedOn} — ${d.lexSarahPath.investigation.citation}`
                : t("dvLexNotYet")}
            </dd>
            <dt>{t("dvLexIvo")}</dt>
            <dd>
              {d.ivoNotifiedOn && d.lexSarahPath.ivoNotification
                ? `${d.ivoNotifiedOn} (${d.ivoReference}) — ${d.lexSarahPath.ivoNotification.citation}`
                : d.lexSarahPath.ivoRequired
                  ? t("dvLexNotYet")
                  : t("dvLexNotRequired")}
            </dd>
            <dt>{t("dvLexRegulations")}</dt>
            <dd>{d.lexSarahPath.regulations}</dd>
          </dl>
          <p className="hint">{t("dvLexLawNote")}</p>
        </section>
      )}

      <section className="card" aria-labelledby="dv-actions">
        <h2 id="dv-actions">{t("dvActions")}</h2>
        {d.actions.length === 0 ? (
          <p>{t("dvNoActions")}</p>
        ) : (
          <ScrollTable label={t("dvActions")}>
            <table>
              <caption className="visually-hidden">{t("dvActions")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("dvActionDescription")}</th>
                  <th scope="col">{t("dvResponsible")}</th>
                  <th scope="col">{t("dvDueOn")}</th>
                </tr>
              </thead>
              <tbody>
                {d.actions.map((a) => (
                  <tr key={a.id}>
                    <th scope="row" className="prewrap">
                      {a.description}
                    </th>
                    <td>{a.responsibleName}</td>
                    <td className="nowrap">{a.dueOn}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
        )}
      </section>

      <section className="card" aria-labelledby="dv-steps">
        <h2 id="dv-steps">{t("dvWorkflow")}</h2>
        {steps.size === 0 && <p>{t("dvNoSteps")}</p>}
        {d.state !== "closed" && d.lexSarahPath?.ivoRequired && !d.ivoNotifiedOn && (
          <p className="alert" role="note">
            {t("dvCloseBlockedIvo")}
          </p>
        )}
        {steps.has("classify") && <ClassifyForm d={d} onDone={afterStep} />}
        {steps.has("investigate") && <InvestigateForm d={d} onDone={afterStep} />}
        {steps.has("add_action") && <ActionForm d={d} onDone={afterStep} />}
        {steps.has("notify_ivo") && <IvoForm d={d} onDone={afterStep} />}
        {steps.has("follow_up") && <FollowUpForm d={d} onDone={afterStep} />}
        {steps.has("close") && <CloseForm d={d} onDone={afterStep} />}
      </section>

      <section className="card" aria-labelledby="dv-history">
        <h2 id="dv-history">{t("dvHistory")}</h2>
        <ol className="plain">
          {d.events.map((e) => (
            <li key={e.seq}>
              {formatDateTime(e.at, lang)} — {t(`dvStep_${e.step}` as TextKey)} ({e.byName})
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

type StepProps = { d: DeviationDetail; onDone: () => Promise<void> };

/** One step's form: posts its body to the step's path and reports back. */
function StepForm({
  d,
  path,
  heading,
  submitLabel,
  body,
  onDone,
  children,
}: StepProps & { path: string; heading: string; submitLabel: string; body: () => unknown; children: ReactNode }) {
  const { busy, error, run } = useSubmit();
  return (
    <CaseForm
      heading={heading}
      error={error}
      busy={busy}
      submitLabel={submitLabel}
      onSubmit={() => void run(() => deviationApi.step(d.id, path, body()), onDone)}
    >
      {children}
    </CaseForm>
  );
}

function ClassifyForm({ d, onDone }: StepProps) {
  const { t, lang } = useLang();
  const [kind, setKind] = useState<DeviationKind>(d.kind);
  const [severity, setSeverity] = useState<Severity>(d.severity ?? "medel");
  const [lexSarah, setLexSarah] = useState<LexSarahKind>(d.lexSarah);
  const [serious, setSerious] = useState(d.serious);
  return (
    <StepForm
      d={d}
      onDone={onDone}
      path="classification"
      heading={t("dvClassify")}
      submitLabel={t("dvClassify")}
      body={() => ({ kind, severity, lexSarah, serious: lexSarah !== "none" && serious })}
    >
      <SelectField label={t("dvKindShort")} value={kind} onChange={(v) => setKind(v as DeviationKind)}>
        {DEVIATION_KINDS.map((k) => (
          <option key={k} value={k}>
            {DEVIATION_KIND_LABELS[k][lang]}
          </option>
        ))}
      </SelectField>
      <RadioGroup
        legend={t("dvSeverity")}
        name="severity"
        value={severity}
        onChange={(v) => setSeverity(v as Severity)}
        options={SEVERITIES.map((s) => ({ value: s, label: SEVERITY_LABELS[s][lang] }))}
      />
      <RadioGroup
        legend={t("dvLexFilter")}
        name="lex-sarah"
        value={lexSarah}
        onChange={(v) => setLexSarah(v as LexSarahKind)}
        options={LEX_SARAH_KINDS.map((k) => ({ value: k, label: LEX_SARAH_LABELS[k][lang] }))}
      />
      <p className="hint">{t("dvClassifyHint")}</p>
      {lexSarah !== "none" && <CheckboxField label={t("dvSeriousLabel")} checked={serious} onChange={setSerious} />}
    </StepForm>
  );
}

function InvestigateForm({ d, onDone }: StepProps) {
  const { t, lang } = useLang();
  const [investigatedOn, setInvestigatedOn] = useState(stockholmToday());
  const [rootCause, setRootCause] = useState<RootCause>("rutin_ej_foljd");
  const [analysis, setAnalysis] = useState("");
  const [serious, setSerious] = useState(d.serious ? "yes" : "no");
  const lex = d.lexSarah !== "none";
  return (
    <StepForm
      d={d}
      onDone={onDone}
      path="investigation"
      heading={t("dvInvestigate")}
      submitLabel={t("save")}
      body={() => ({ investigatedOn, rootCause, analysis, ...(lex ? { serious: serious === "yes" } : {}) })}
    >
      <Field
        label={t("dvInvestigatedOn")}
        type="date"
        value={investigatedOn}
        max={stockholmToday()}
        onChange={(e) => setInvestigatedOn(e.target.value)}
        required
      />
      <SelectField label={t("dvRootCause")} value={rootCause} onChange={(v) => setRootCause(v as RootCause)}>
        {ROOT_CAUSES.map((c) => (
          <option key={c} value={c}>
            {ROOT_CAUSE_LABELS[c][lang]}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        label={t("dvAnalysis")}
        value={analysis}
        maxLength={20_000}
        rows={6}
        onChange={(e) => setAnalysis(e.target.value)}
        required
      />
      {lex && (
        <RadioGroup
          legend={t("dvSeriousQuestion")}
          name="serious"
          value={serious}
          onChange={setSerious}
          options={[
            { value: "yes", label: t("dvYes") },
            { value: "no", label: t("dvNo") },
          ]}
        />
      )}
    </StepForm>
  );
}

function ActionForm({ d, onDone }: StepProps) {
  const { t } = useLang();
  const [staff, setStaff] = useState<{ id: string; displayName: string }[]>([]);
  const [description, setDescription] = useState("");
  const [responsibleId, setResponsibleId] = useState("");
  const [dueOn, setDueOn] = useState("");
  useEffect(() => {
    deviationApi.staff().then(
      (s) => setStaff(s.items.filter((u) => u.districtId === d.districtId)),
      () => setStaff([]),
    );
  }, [d.districtId]);
  return (
    <StepForm
      d={d}
      onDone={async () => {
        setDescription("");
        await onDone();
      }}
      path="actions"
      heading={t("dvAddAction")}
      submitLabel={t("dvAddAction")}
      body={() => ({ description, responsibleId, dueOn })}
    >
      <TextAreaField
        label={t("dvActionDescription")}
        value={description}
        maxLength={2_000}
        onChange={(e) => setDescription(e.target.value)}
        required
      />
      <SelectField label={t("dvResponsible")} value={responsibleId} onChange={setResponsibleId} required>
        <option value="">{t("dvChooseResponsible")}</option>
        {staff.map((u) => (
          <option key={u.id} value={u.id}>
            {u.displayName}
          </option>
        ))}
      </SelectField>
      <Field label={t("dvDueOn")} type="date" value={dueOn} onChange={(e) => setDueOn(e.target.value)} required />
    </StepForm>
  );
}

function IvoForm({ d, onDone }: StepProps) {
  const { t } = useLang();
  const [notifiedOn, setNotifiedOn] = useState(stockholmToday());
  const [reference, setReference] = useState("");
  return (
    <StepForm
      d={d}
      onDone={onDone}
      path="ivo-notification"
      heading={t("dvIvo")}
      submitLabel={t("dvRecordIvo")}
      body={() => ({ notifiedOn, reference })}
    >
      <Field
        label={t("dvIvoNotifiedOn")}
        type="date"
        value={notifiedOn}
        max={stockholmToday()}
        onChange={(e) => setNotifiedOn(e.target.value)}
        required
      />
      <Field
        label={t("dvIvoReference")}
        value={reference}
        maxLength={60}
        onChange={(e) => setReference(e.target.value)}
        required
      />
    </StepForm>
  );
}

function FollowUpForm({ d, onDone }: StepProps) {
  const { t } = useLang();
  const [followedUpOn, setFollowedUpOn] = useState(stockholmToday());
  const [text, setText] = useState("");
  const [effective, setEffective] = useState("yes");
  return (
    <StepForm
      d={d}
      onDone={onDone}
      path="follow-up"
      heading={t("dvFollowUp")}
      submitLabel={t("save")}
      body={() => ({ followedUpOn, text, effective: effective === "yes" })}
    >
      <Field
        label={t("dvFollowedUpOn")}
        type="date"
        value={followedUpOn}
        max={stockholmToday()}
        onChange={(e) => setFollowedUpOn(e.target.value)}
        required
      />
      <TextAreaField
        label={t("dvFollowUpText")}
        value={text}
        maxLength={5_000}
        onChange={(e) => setText(e.target.value)}
        required
      />
      <RadioGroup
        legend={t("dvEffective")}
        name="effective"
        value={effective}
        onChange={setEffective}
        options={[
          { value: "yes", label: t("dvYes") },
          { value: "no", label: t("dvNo") },
        ]}
      />
    </StepForm>
  );
}

function CloseForm({ d, onDone }: StepProps) {
  const { t } = useLang();
  const [note, setNote] = useState("");
  const [noActionReason, setNoActionReason] = useState("");
  const withoutActions = d.state === "investigated";
  return (
    <StepForm
      d={d}
      onDone={onDone}
      path="close"
      heading={t("dvClose")}
      submitLabel={t("dvClose")}
      body={() => ({ ...(note.trim() ? { note } : {}), ...(withoutActions ? { noActionReason } : {}) })}
    >
      {withoutActions && (
        <TextAreaField
          label={t("dvNoActionReason")}
          value={noActionReason}
          maxLength={2_000}
          onChange={(e) => setNoActionReason(e.target.value)}
          required
        />
      )}
      <TextAreaField label={t("dvCloseNote")} value={note} maxLength={2_000} onChange={(e) => setNote(e.target.value)} />
    </StepForm>
  );
}
