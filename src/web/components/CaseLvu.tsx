import { useState } from "react";
import type { LvuProcessView, LvuStepBody } from "../../contracts/young-offenders";
import { caseAccepts } from "../../domain/case-flow";
import {
  ALLOWED_MAKERS,
  isDecisionStep,
  JUDGMENT_OUTCOMES,
  LVU_BEHAVIOURS,
  LVU_GROUNDS,
  type LvuStepKind,
  PLACEMENT_FORMS,
  REVIEW_FORMS,
  REVIEW_OUTCOMES,
  reviewFormOf,
  UNDERSTALLNING_OUTCOMES,
  URGENT_MAKERS,
} from "../../domain/lvu/vocabulary";
import { stockholmToday } from "../../domain/time";
import { fill, formatDateTime, useLang } from "../i18n";
import { CLOCK_LABELS, label } from "../labels";
import {
  BEHAVIOUR_LABELS,
  END_REASON_LABELS,
  GROUND_LABELS,
  MAKER_LABELS,
  OUTCOME_LABELS,
  PHASE_LABELS,
  PLACEMENT_LABELS,
  REVIEW_FORM_LABELS,
  STEP_LABELS,
  yoLabel,
} from "../texts/young-offenders";
import type { CaseFile } from "./CaseApi";
import { ClockStateText, isRunning } from "./CaseClocks";
import {
  CaseForm,
  CheckboxGroup,
  MomentField,
  stockholmLocalToIso,
  stockholmNowLocal,
  TextAreaField,
  useSubmit,
} from "./CaseFormParts";
import { CaseRecordPanel } from "./CaseRecordPanel";
import { Alert, Field, SelectField } from "./Field";
import { youngOffenderApi } from "./YoungOffenderApi";

/** The case's LVU processes: each step with its clock, lapses stated, and the next step's form. */
export function CaseLvu({
  caseFile: c,
  canWrite,
  onChanged,
}: {
  caseFile: CaseFile;
  canWrite: boolean;
  /** Reloads the case file: a signature or an LVU decision adds to its decisions. */
  onChanged?: () => Promise<void>;
}) {
  return (
    <CaseRecordPanel<LvuProcessView>
      id="lvu"
      heading="yoLvuHeading"
      intro="yoLvuIntro"
      none="yoNoLvu"
      caseId={c.id}
      fetch={youngOffenderApi.lvu}
      onChanged={onChanged}
      card={(p, i, changed) => <ProcessCard key={p.id} p={p} index={i} canWrite={canWrite} onChanged={changed} />}
      form={(items, changed) => {
        const running = items?.some((p) => p.endedOn === null) ?? true;
        return (
          canWrite && caseAccepts(c.closedAt !== null, "record") && !running && <OpenForm caseId={c.id} onChanged={changed} />
        );
      }}
    />
  );
}

function OpenForm({ caseId, onChanged }: { caseId: string; onChanged: () => Promise<void> }) {
  const { t, lang } = useLang();
  const [grounds, setGrounds] = useState<string[]>([]);
  const [behaviours, setBehaviours] = useState<string[]>([]);
  const { busy, error, run } = useSubmit();
  return (
    <CaseForm
      heading={t("yoOpenLvu")}
      busy={busy}
      error={error}
      submitLabel={t("yoOpenLvu")}
      onSubmit={() =>
        void run(
          () =>
            youngOffenderApi.openLvu(caseId, {
              grounds: grounds as ("2" | "3")[],
              behaviours: (grounds.includes("3") ? behaviours : []) as (typeof LVU_BEHAVIOURS)[number][],
            }),
          onChanged,
        )
      }
    >
      <CheckboxGroup
        legend={t("yoGrounds")}
        values={grounds}
        onChange={setGrounds}
        options={LVU_GROUNDS.map((g) => ({ value: g, label: yoLabel(GROUND_LABELS, g, lang) }))}
        error={error?.fieldMessage("grounds")}
      />
      {grounds.includes("3") && (
        <CheckboxGroup
          legend={t("yoBehaviours")}
          values={behaviours}
          onChange={setBehaviours}
          options={LVU_BEHAVIOURS.map((b) => ({ value: b, label: yoLabel(BEHAVIOUR_LABELS, b, lang) }))}
          error={error?.fieldMessage("behaviours")}
        />
      )}
    </CaseForm>
  );
}

function ProcessCard({
  p,
  index,
  canWrite,
  onChanged,
}: {
  p: LvuProcessView;
  index: number;
  canWrite: boolean;
  onChanged: () => Promise<void>;
}) {
  const { t, lang } = useLang();
  const headingId = `lvu-${p.id}`;
  const o = p.omhandertagande;
  return (
    <article className="subcard" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {t("yoProcess")} {index + 1}: {p.grounds.map((g) => yoLabel(GROUND_LABELS, g, lang)).join(", ")}
      </h3>
      <dl className="facts">
        <dt>{t("yoPhase")}</dt>
        <dd>
          <strong>{yoLabel(PHASE_LABELS, p.phase, lang)}</strong>
        </dd>
        {p.behaviours.length > 0 && (
          <>
            <dt>{t("yoBehaviours")}</dt>
            <dd>{p.behaviours.map((b) => yoLabel(BEHAVIOUR_LABELS, b, lang)).join(", ")}</dd>
          </>
        )}
        <dt>{t("yoOpenedAt")}</dt>
        <dd>{formatDateTime(p.openedAt, lang)}</dd>
      </dl>
      {o.endedOn && (
        <p>
          {fill(t("yoOmhEnded"), { date: o.endedOn })}: {yoLabel(END_REASON_LABELS, o.reason ?? "", lang)}
        </p>
      )}
      {o.lapses.length > 0 && (
        <Alert kind="error">
          {o.lapses.map((l) => (
            <span key={l.section}>
              {fill(t("yoOmhEnded"), { date: l.from })}:{" "}
              {yoLabel(END_REASON_LABELS, l.section === "7 §" ? "lapsed_7" : "lapsed_9", lang)}.{" "}
            </span>
          ))}
        </Alert>
      )}
      <Clocks p={p} />
      <UrgentDecisions p={p} />
      <Reviews p={p} />
      <Steps p={p} />
      {canWrite && p.allowedNext.length > 0 && <StepForm p={p} onChanged={onChanged} />}
    </article>
  );
}

function Clocks({ p }: { p: LvuProcessView }) {
  const { t, lang } = useLang();
  if (p.clocks.length === 0) return null;
  return (
    <div className="table-wrap">
      <table>
        <caption>{t("yoClocks")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("yoClock")}</th>
            <th scope="col">{t("yoSection")}</th>
            <th scope="col">{t("yoDue")}</th>
            <th scope="col">{t("yoState")}</th>
          </tr>
        </thead>
        <tbody>
          {p.clocks.map((c) => (
            <tr key={c.kind} className={`row-${c.state}`}>
              <th scope="row">{label(CLOCK_LABELS, c.kind, lang)}</th>
              <td>{c.section}</td>
              <td>
                {c.dueDate}
                {c.moved && <span className="hint"> ({fill(t("yoMoved"), { nominal: c.nominalDueDate })})</span>}
              </td>
              <td>
                {c.stoppedBecause ? (
                  <>
                    {t("yoStopped")}: {yoLabel(END_REASON_LABELS, c.stoppedBecause, lang)}
                  </>
                ) : (
                  <>
                    <ClockStateText state={c.state} />
                    {isRunning(c.state) && (
                      <span className="hint">
                        {" "}
                        ({t("daysLeft")}: {c.daysLeft})
                      </span>
                    )}
                  </>
                )}
                {c.lapse && (
                  <strong className="lapse">
                    {" "}
                    <span aria-hidden="true">⚠ </span>
                    {c.lapse.split(" / ")[lang === "sv" ? 0 : 1] ?? c.lapse}
                  </strong>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function UrgentDecisions({ p }: { p: LvuProcessView }) {
  const { t, lang } = useLang();
  if (p.urgentDecisions.length === 0) return null;
  return (
    <>
      <h4>{t("yoUrgent")}</h4>
      <ul>
        {p.urgentDecisions.map((u) => (
          <li key={u.seq}>
            {yoLabel(STEP_LABELS, u.kind, lang)} {u.decidedOn} ({u.memberName}) —{" "}
            {u.reportedOn ? (
              `${t("yoReportedOn")} ${u.reportedOn}`
            ) : (
              <strong>
                <span aria-hidden="true">⚠ </span>
                {t("yoNotReported")}
              </strong>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

function Reviews({ p }: { p: LvuProcessView }) {
  const { t, lang } = useLang();
  if (p.reviews.length === 0) return null;
  return (
    <>
      <h4>{t("yoReviews")}</h4>
      <ul>
        {p.reviews.map((r) => (
          <li key={`${r.form}-${r.on}`}>
            {yoLabel(REVIEW_FORM_LABELS, r.form, lang)} {r.on} ({t("yoDue")} {r.dueDate}):{" "}
            {r.inTime ? t("yoInTime") : t("yoLate")}
          </li>
        ))}
      </ul>
    </>
  );
}

function stepSummary(s: LvuStepBody, lang: "sv" | "en"): string {
  const parts: string[] = [];
  if ("maker" in s)
    parts.push(`${yoLabel(MAKER_LABELS, s.maker.kind, lang)}${s.maker.memberName ? ` ${s.maker.memberName}` : ""}`);
  if ("outcome" in s) parts.push(yoLabel(OUTCOME_LABELS, s.outcome, lang));
  if (s.kind === "dom" && s.grounds.length) parts.push(s.grounds.map((g) => `${g} §`).join(", "));
  if (s.kind === "ansokan") parts.push(s.submittedOn);
  if (s.kind === "ansokningstid_forlangd") parts.push(s.until);
  if (s.kind === "placering") parts.push(`${yoLabel(PLACEMENT_LABELS, s.form, lang)}, ${s.place}`);
  if (s.kind === "overvagande") parts.push(yoLabel(REVIEW_FORM_LABELS, s.form, lang));
  return parts.join(" · ");
}

function Steps({ p }: { p: LvuProcessView }) {
  const { t, lang } = useLang();
  if (p.steps.length === 0) return <p>{t("yoNoSteps")}</p>;
  return (
    <div className="table-wrap">
      <table>
        <caption>{t("yoSteps")}</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t("yoStep")}</th>
            <th scope="col">{t("yoDate")}</th>
            <th scope="col">{t("yoOutcome")}</th>
            <th scope="col">{t("yoRecordedBy")}</th>
          </tr>
        </thead>
        <tbody>
          {p.steps.map((s) => (
            <tr key={s.seq}>
              <td>{s.seq}</td>
              <td>{yoLabel(STEP_LABELS, s.kind, lang)}</td>
              <td>{s.occurredOn}</td>
              <td>{stepSummary(s.step, lang)}</td>
              <td>{s.recordedByName}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface StepFormState {
  kind: string;
  on: string;
  decidedAt: string;
  makerKind: string;
  memberName: string;
  paragraph: string;
  reason: string;
  submittedOn: string;
  until: string;
  outcome: string;
  grounds: string[];
  form: string;
  place: string;
  from: string;
  decisionSeq: string;
}

function bodyOf(f: StepFormState): LvuStepBody {
  const maker = {
    kind: f.makerKind,
    ...(f.memberName.trim() ? { memberName: f.memberName.trim() } : {}),
    ...(f.paragraph.trim() ? { paragraph: f.paragraph.trim() } : {}),
  };
  const decidedAt = stockholmLocalToIso(f.decidedAt);
  const body: Record<string, unknown> = { kind: f.kind };
  switch (f.kind as LvuStepKind) {
    case "omedelbart_beslut":
    case "upphorande":
      Object.assign(body, { decidedAt, maker, reason: f.reason });
      break;
    case "ansokan":
      Object.assign(body, { decidedAt, maker, submittedOn: f.submittedOn, reason: f.reason });
      break;
    case "placering":
      Object.assign(body, { decidedAt, maker, form: f.form, place: f.place, from: f.from });
      break;
    case "overvagande":
      Object.assign(body, { decidedAt, maker, form: f.form, outcome: f.outcome });
      break;
    case "anmalt_till_namnd":
      Object.assign(body, {
        on: f.on,
        decisionSeq: Number(f.decisionSeq),
        ...(f.paragraph.trim() ? { paragraph: f.paragraph.trim() } : {}),
      });
      break;
    case "understallning_provad":
      Object.assign(body, { on: f.on, outcome: f.outcome });
      break;
    case "ansokningstid_forlangd":
      Object.assign(body, { on: f.on, until: f.until });
      break;
    case "dom":
      Object.assign(body, { on: f.on, outcome: f.outcome, grounds: f.outcome === "bifall" ? f.grounds : [] });
      break;
    case "avslutad":
      Object.assign(body, { on: f.on, reason: f.reason });
      break;
    default:
      Object.assign(body, { on: f.on });
  }
  return body as LvuStepBody;
}

function StepForm({ p, onChanged }: { p: LvuProcessView; onChanged: () => Promise<void> }) {
  const { t, lang } = useLang();
  const today = stockholmToday();
  const initial: StepFormState = {
    kind: "",
    on: today,
    decidedAt: stockholmNowLocal(),
    makerKind: "",
    memberName: "",
    paragraph: "",
    reason: "",
    submittedOn: today,
    until: "",
    outcome: "",
    grounds: [...p.grounds],
    form: "",
    place: "",
    from: today,
    decisionSeq: String(p.urgentDecisions.find((u) => u.reportedOn === null)?.seq ?? ""),
  };
  const [f, setF] = useState<StepFormState>(initial);
  const { busy, error, run } = useSubmit();
  const kind = f.kind as LvuStepKind | "";
  const decision = kind !== "" && isDecisionStep(kind);
  const makers = decision ? ALLOWED_MAKERS[kind] : [];
  const set = (patch: Partial<StepFormState>) => setF({ ...f, ...patch });
  const outcomes =
    kind === "understallning_provad"
      ? UNDERSTALLNING_OUTCOMES
      : kind === "dom"
        ? JUDGMENT_OUTCOMES
        : kind === "overvagande"
          ? REVIEW_OUTCOMES
          : [];
  const reviewForms = REVIEW_FORMS.filter((rf) => p.grounds.some((g) => reviewFormOf(g) === rf));
  return (
    <CaseForm
      heading={t("yoNextStep")}
      level={4}
      busy={busy}
      error={error}
      submitLabel={t("yoRecord")}
      onSubmit={() =>
        void run(
          () => youngOffenderApi.step(p.id, bodyOf(f)),
          async () => {
            setF({ ...initial, kind: "" });
            await onChanged();
          },
        )
      }
    >
      <SelectField
        label={t("yoStep")}
        value={f.kind}
        onChange={(v) => set({ kind: v, makerKind: "", outcome: "", form: "" })}
        required
      >
        <option value="">{t("choose")}</option>
        {p.allowedNext.map((k) => (
          <option key={k} value={k}>
            {yoLabel(STEP_LABELS, k, lang)}
          </option>
        ))}
      </SelectField>
      {decision && (
        <>
          <MomentField
            label={t("yoDecidedAt")}
            value={f.decidedAt}
            onChange={(v) => set({ decidedAt: v })}
            error={error?.fieldMessage("decidedAt")}
          />
          <SelectField
            label={t("yoMaker")}
            value={f.makerKind}
            onChange={(v) => set({ makerKind: v })}
            error={error?.fieldMessage("kind")}
            required
          >
            <option value="">{t("choose")}</option>
            {makers.map((m) => (
              <option key={m} value={m}>
                {yoLabel(MAKER_LABELS, m, lang)}
              </option>
            ))}
          </SelectField>
          {URGENT_MAKERS.includes(f.makerKind as (typeof URGENT_MAKERS)[number]) && (
            <Field
              label={t("yoMemberName")}
              value={f.memberName}
              maxLength={120}
              onChange={(e) => set({ memberName: e.target.value })}
              error={error?.fieldMessage("memberName")}
              required
            />
          )}
          {f.makerKind === "namnd" && (
            <Field
              label={`${t("yoParagraph")} ${t("optional")}`}
              value={f.paragraph}
              maxLength={40}
              onChange={(e) => set({ paragraph: e.target.value })}
            />
          )}
        </>
      )}
      {kind !== "" && !decision && (
        <Field
          label={t("yoDate")}
          type="date"
          value={f.on}
          max={today}
          onChange={(e) => set({ on: e.target.value })}
          error={error?.fieldMessage("on")}
          required
        />
      )}
      {kind === "anmalt_till_namnd" && (
        <>
          <SelectField label={t("yoDecisionSeq")} value={f.decisionSeq} onChange={(v) => set({ decisionSeq: v })} required>
            {p.urgentDecisions
              .filter((u) => u.reportedOn === null)
              .map((u) => (
                <option key={u.seq} value={String(u.seq)}>
                  {u.seq}: {yoLabel(STEP_LABELS, u.kind, lang)} {u.decidedOn}
                </option>
              ))}
          </SelectField>
          <Field
            label={`${t("yoParagraph")} ${t("optional")}`}
            value={f.paragraph}
            maxLength={40}
            onChange={(e) => set({ paragraph: e.target.value })}
          />
        </>
      )}
      {kind === "ansokan" && (
        <Field
          label={t("yoSubmittedOn")}
          type="date"
          value={f.submittedOn}
          max={today}
          onChange={(e) => set({ submittedOn: e.target.value })}
          error={error?.fieldMessage("submittedOn")}
          required
        />
      )}
      {kind === "ansokningstid_forlangd" && (
        <Field
          label={t("yoUntil")}
          type="date"
          value={f.until}
          onChange={(e) => set({ until: e.target.value })}
          error={error?.fieldMessage("until")}
          required
        />
      )}
      {outcomes.length > 0 && (
        <SelectField label={t("yoOutcome")} value={f.outcome} onChange={(v) => set({ outcome: v })} required>
          <option value="">{t("choose")}</option>
          {outcomes.map((o) => (
            <option key={o} value={o}>
              {yoLabel(OUTCOME_LABELS, o, lang)}
            </option>
          ))}
        </SelectField>
      )}
      {kind === "dom" && f.outcome === "bifall" && (
        <CheckboxGroup
          legend={t("yoGrantedGrounds")}
          values={f.grounds}
          onChange={(v) => set({ grounds: v })}
          options={p.grounds.map((g) => ({ value: g, label: yoLabel(GROUND_LABELS, g, lang) }))}
          error={error?.fieldMessage("grounds")}
        />
      )}
      {kind === "placering" && (
        <>
          <SelectField label={t("yoPlacementForm")} value={f.form} onChange={(v) => set({ form: v })} required>
            <option value="">{t("choose")}</option>
            {PLACEMENT_FORMS.map((pf) => (
              <option key={pf} value={pf}>
                {yoLabel(PLACEMENT_LABELS, pf, lang)}
              </option>
            ))}
          </SelectField>
          <Field label={t("yoPlace")} value={f.place} maxLength={200} onChange={(e) => set({ place: e.target.value })} required />
          <Field
            label={t("yoFrom")}
            type="date"
            value={f.from}
            onChange={(e) => set({ from: e.target.value })}
            error={error?.fieldMessage("from")}
            required
          />
        </>
      )}
      {kind === "overvagande" && (
        <SelectField
          label={t("yoReviewForm")}
          value={f.form}
          onChange={(v) => set({ form: v })}
          error={error?.fieldMessage("form")}
          required
        >
          <option value="">{t("choose")}</option>
          {reviewForms.map((rf) => (
            <option key={rf} value={rf}>
              {yoLabel(REVIEW_FORM_LABELS, rf, lang)}
            </option>
          ))}
        </SelectField>
      )}
      {(kind === "omedelbart_beslut" || kind === "ansokan" || kind === "upphorande" || kind === "avslutad") && (
        <TextAreaField
          label={t("yoReasonText")}
          value={f.reason}
          maxLength={5_000}
          onChange={(e) => set({ reason: e.target.value })}
          error={error?.fieldMessage("reason")}
          required
        />
      )}
    </CaseForm>
  );
}
