import { useState } from "react";
import type { z } from "zod";
import type { AvhoppListRow, AvhoppProcessView, AvhoppStepBody, avhoppListQuery, openAvhoppBody } from "../../contracts/avhopp";
import {
  AVHOPP_INSATSER,
  CONTACT_CHANNELS,
  CUSTODY,
  END_REASONS,
  PROGRESS,
  RISK_LEVELS,
  type StepKind,
} from "../../domain/avhopp/process";
import { stockholmToday } from "../../domain/time";
import { request } from "../api";
import { useLang } from "../i18n";
import { label, STATE_LABELS } from "../labels";
import {
  AV_CHANNEL_LABELS,
  AV_CUSTODY_LABELS,
  AV_END_LABELS,
  AV_INSATS_LABELS,
  AV_PHASE_LABELS,
  AV_PROGRESS_LABELS,
  AV_RISK_LABELS,
  AV_STEP_LABELS,
  avLabel,
} from "../texts/avhopp";
import type { CaseFile } from "./CaseApi";
import { CaseForm, CheckboxField, TextAreaField, useSubmit } from "./CaseFormParts";
import { CaseRecordPanel } from "./CaseRecordPanel";
import { Field, SelectField } from "./Field";

/** The avhopp endpoints (src/server/modules/avhopp/routes.ts). */
export const avhoppApi = {
  list: (caseId: string) => request<{ items: AvhoppProcessView[] }>("GET", `/api/cases/${caseId}/avhopp`),
  open: (caseId: string, body: z.input<typeof openAvhoppBody>) =>
    request<AvhoppProcessView>("POST", `/api/cases/${caseId}/avhopp`, body),
  step: (id: string, body: AvhoppStepBody) => request<AvhoppProcessView>("POST", `/api/avhopp/${id}/steps`, body),
  planFollowUp: (id: string, body: { dueOn: string; purpose: string }) =>
    request<AvhoppProcessView>("POST", `/api/avhopp/${id}/follow-ups`, body),
  district: (q: Partial<Pick<z.input<typeof avhoppListQuery>, "status" | "phase" | "custody" | "cursor">>) => {
    const params = new URLSearchParams(
      Object.entries(q).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""),
    );
    return request<{ items: AvhoppListRow[]; nextCursor: string | null }>("GET", `/api/avhopp?${params}`);
  },
};

/** The case's avhopp processes: steps, insatser, follow-ups and custody, and the next step's form. */
export function CaseAvhopp({ caseFile: c, canWrite }: { caseFile: CaseFile; canWrite: boolean }) {
  return (
    <CaseRecordPanel<AvhoppProcessView>
      id="avhopp"
      heading="avHeading"
      intro="avIntro"
      none="avNone"
      caseId={c.id}
      fetch={avhoppApi.list}
      card={(p, i, changed) => <ProcessCard key={p.id} p={p} index={i} canWrite={canWrite} onChanged={changed} />}
      form={(items, changed) => {
        const running = items?.some((p) => p.endedOn === null) ?? true;
        return canWrite && c.closedAt === null && !running && <OpenForm caseId={c.id} onChanged={changed} />;
      }}
    />
  );
}

function OpenForm({ caseId, onChanged }: { caseId: string; onChanged: () => Promise<void> }) {
  const { t, lang } = useLang();
  const [contactOn, setContactOn] = useState(stockholmToday());
  const [channel, setChannel] = useState<string>("egen");
  const [custody, setCustody] = useState<string>("ingen");
  const [background, setBackground] = useState("");
  const { busy, error, run } = useSubmit();
  return (
    <CaseForm
      heading={t("avOpen")}
      busy={busy}
      error={error}
      submitLabel={t("avOpen")}
      onSubmit={() =>
        void run(
          () =>
            avhoppApi.open(caseId, {
              contactOn,
              channel: channel as (typeof CONTACT_CHANNELS)[number],
              custody: custody as (typeof CUSTODY)[number],
              background,
            }),
          onChanged,
        )
      }
    >
      <Field
        label={t("avContactOn")}
        type="date"
        required
        value={contactOn}
        onChange={(e) => setContactOn(e.target.value)}
        error={error?.fieldMessage("contactOn")}
      />
      <SelectField label={t("avChannel")} value={channel} onChange={setChannel}>
        {CONTACT_CHANNELS.map((k) => (
          <option key={k} value={k}>
            {avLabel(AV_CHANNEL_LABELS, k, lang)}
          </option>
        ))}
      </SelectField>
      <SelectField label={t("avCustody")} value={custody} onChange={setCustody}>
        {CUSTODY.map((k) => (
          <option key={k} value={k}>
            {avLabel(AV_CUSTODY_LABELS, k, lang)}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        label={t("avBackground")}
        required
        value={background}
        onChange={(e) => setBackground(e.target.value)}
        error={error?.fieldMessage("background")}
      />
    </CaseForm>
  );
}

function stepDetails(s: AvhoppStepBody, lang: "sv" | "en"): string {
  switch (s.kind) {
    case "kartlaggning":
      return `${avLabel(AV_RISK_LABELS, s.riskLevel, lang)}: ${s.summary}`;
    case "overenskommelse":
      return s.goals;
    case "insats":
      return [avLabel(AV_INSATS_LABELS, s.insats, lang), s.description].filter(Boolean).join(": ");
    case "uppfoljning":
      return `${avLabel(AV_PROGRESS_LABELS, s.progress, lang)}: ${s.summary}`;
    case "vistelse":
      return avLabel(AV_CUSTODY_LABELS, s.custody, lang);
    case "avslut":
      return [avLabel(AV_END_LABELS, s.reason, lang), s.summary].filter(Boolean).join(": ");
  }
}

function ProcessCard({
  p,
  index,
  canWrite,
  onChanged,
}: {
  p: AvhoppProcessView;
  index: number;
  canWrite: boolean;
  onChanged: () => Promise<void>;
}) {
  const { t, lang } = useLang();
  const headingId = `avhopp-${p.id}`;
  return (
    <article className="subcard" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {t("avProcess")} {index + 1}: {avLabel(AV_PHASE_LABELS, p.phase, lang)}
      </h3>
      <dl className="facts">
        <dt>{t("avContactOn")}</dt>
        <dd>{p.contactOn}</dd>
        <dt>{t("avChannel")}</dt>
        <dd>{avLabel(AV_CHANNEL_LABELS, p.channel, lang)}</dd>
        <dt>{t("avCustody")}</dt>
        <dd>
          <strong>{avLabel(AV_CUSTODY_LABELS, p.custody, lang)}</strong>
        </dd>
        <dt>{t("avAgeAtStart")}</dt>
        <dd>{p.ageAtStart}</dd>
        <dt>{t("avRisk")}</dt>
        <dd>{p.riskLevel ? avLabel(AV_RISK_LABELS, p.riskLevel, lang) : "—"}</dd>
        <dt>{t("avInsatser")}</dt>
        <dd>{p.insatser.length ? p.insatser.map((i) => avLabel(AV_INSATS_LABELS, i, lang)).join(", ") : "—"}</dd>
        {p.endedOn && (
          <>
            <dt>{t("avEnded")}</dt>
            <dd>
              {p.endedOn}: {avLabel(AV_END_LABELS, p.endReason ?? "", lang)}
            </dd>
          </>
        )}
      </dl>
      <p className="hint">{p.adult ? t("avAdultNote") : t("avMinorNote")}</p>
      <p>{p.background}</p>
      {p.steps.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption>{t("avSteps")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("avStep")}</th>
                <th scope="col">{t("avDay")}</th>
                <th scope="col">{t("avDetails")}</th>
                <th scope="col">{t("avBy")}</th>
              </tr>
            </thead>
            <tbody>
              {p.steps.map((s) => (
                <tr key={s.seq}>
                  <td>{avLabel(AV_STEP_LABELS, s.kind, lang)}</td>
                  <td>{s.occurredOn}</td>
                  <td>{stepDetails(s.step, lang)}</td>
                  <td>{s.recordedByName}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <FollowUps p={p} />
      {canWrite && p.canPlanFollowUp && <FollowUpForm p={p} onChanged={onChanged} />}
      {canWrite && p.allowedNext.length > 0 && <StepForm p={p} onChanged={onChanged} />}
    </article>
  );
}

function FollowUps({ p }: { p: AvhoppProcessView }) {
  const { t, lang } = useLang();
  if (p.followUps.length === 0) return <p>{t("avNoFollowUps")}</p>;
  return (
    <div className="table-wrap">
      <table>
        <caption>{t("avFollowUps")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("avDueOn")}</th>
            <th scope="col">{t("avPurpose")}</th>
            <th scope="col">{t("avDoneOn")}</th>
            <th scope="col">{t("avStatus")}</th>
          </tr>
        </thead>
        <tbody>
          {p.followUps.map((f) => (
            <tr key={f.id}>
              <td>{f.dueOn}</td>
              <td>{f.purpose}</td>
              <td>{f.doneOn ?? "—"}</td>
              <td>{f.state ? label(STATE_LABELS, f.state, lang) : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function FollowUpForm({ p, onChanged }: { p: AvhoppProcessView; onChanged: () => Promise<void> }) {
  const { t } = useLang();
  const [dueOn, setDueOn] = useState("");
  const [purpose, setPurpose] = useState("");
  const { busy, error, run } = useSubmit();
  return (
    <CaseForm
      heading={t("avPlanFollowUp")}
      level={4}
      busy={busy}
      error={error}
      submitLabel={t("avPlanFollowUp")}
      onSubmit={() =>
        void run(
          () => avhoppApi.planFollowUp(p.id, { dueOn, purpose }),
          async () => {
            setDueOn("");
            setPurpose("");
            await onChanged();
          },
        )
      }
    >
      <Field
        label={t("avDueOn")}
        type="date"
        required
        value={dueOn}
        onChange={(e) => setDueOn(e.target.value)}
        error={error?.fieldMessage("dueOn")}
      />
      <Field
        label={t("avPurpose")}
        required
        value={purpose}
        onChange={(e) => setPurpose(e.target.value)}
        error={error?.fieldMessage("purpose")}
      />
    </CaseForm>
  );
}

function StepForm({ p, onChanged }: { p: AvhoppProcessView; onChanged: () => Promise<void> }) {
  const { t, lang } = useLang();
  const [kind, setKind] = useState<StepKind>(p.allowedNext[0] as StepKind);
  const [on, setOn] = useState(stockholmToday());
  const [text, setText] = useState("");
  const [choice, setChoice] = useState("");
  const [guardiansAgreed, setGuardiansAgreed] = useState(false);
  const openFollowUps = p.followUps.filter((f) => f.doneOn === null);
  const { busy, error, run } = useSubmit();
  const current = p.allowedNext.includes(kind) ? kind : (p.allowedNext[0] as StepKind);
  const options: Record<string, readonly string[]> = {
    kartlaggning: RISK_LEVELS,
    insats: AVHOPP_INSATSER,
    uppfoljning: PROGRESS,
    vistelse: CUSTODY.filter((c) => c !== p.custody),
    avslut: END_REASONS,
  };
  const choiceLabels: Record<string, Record<string, { sv: string; en: string }>> = {
    kartlaggning: AV_RISK_LABELS,
    insats: AV_INSATS_LABELS,
    uppfoljning: AV_PROGRESS_LABELS,
    vistelse: AV_CUSTODY_LABELS,
    avslut: AV_END_LABELS,
  };
  const choiceLegend: Record<string, string> = {
    kartlaggning: t("avRisk"),
    insats: t("avInsats"),
    uppfoljning: t("avProgress"),
    vistelse: t("avCustody"),
    avslut: t("avEndReason"),
  };
  const opts = options[current] ?? [];
  const chosen = opts.includes(choice) ? choice : (opts[0] ?? "");
  const [followUpId, setFollowUpId] = useState("");
  const chosenFollowUp = openFollowUps.some((f) => f.id === followUpId) ? followUpId : (openFollowUps[0]?.id ?? "");
  const body = (): AvhoppStepBody => {
    switch (current) {
      case "kartlaggning":
        return { kind: current, on, riskLevel: chosen as (typeof RISK_LEVELS)[number], summary: text };
      case "overenskommelse":
        return { kind: current, on, goals: text, guardiansAgreed: p.adult ? false : guardiansAgreed };
      case "insats":
        return { kind: current, on, insats: chosen as (typeof AVHOPP_INSATSER)[number], description: text };
      case "uppfoljning":
        return { kind: current, on, followUpId: chosenFollowUp, progress: chosen as (typeof PROGRESS)[number], summary: text };
      case "vistelse":
        return { kind: current, on, custody: chosen as (typeof CUSTODY)[number] };
      case "avslut":
        return { kind: current, on, reason: chosen as (typeof END_REASONS)[number], summary: text };
    }
  };
  const textLabel = current === "overenskommelse" ? t("avGoals") : current === "insats" ? t("avDescription") : t("avSummary");
  return (
    <CaseForm
      heading={t("avNextStep")}
      level={4}
      busy={busy}
      error={error}
      submitLabel={t("avRecordStep")}
      onSubmit={() =>
        void run(
          () => avhoppApi.step(p.id, body()),
          async () => {
            setText("");
            await onChanged();
          },
        )
      }
    >
      <SelectField label={t("avStep")} value={current} onChange={(v) => setKind(v as StepKind)}>
        {p.allowedNext.map((k) => (
          <option key={k} value={k}>
            {avLabel(AV_STEP_LABELS, k, lang)}
          </option>
        ))}
      </SelectField>
      <Field
        label={t("avDay")}
        type="date"
        required
        value={on}
        onChange={(e) => setOn(e.target.value)}
        error={error?.fieldMessage("on")}
      />
      {opts.length > 0 && (
        <SelectField label={choiceLegend[current] ?? ""} value={chosen} onChange={setChoice}>
          {opts.map((o) => (
            <option key={o} value={o}>
              {avLabel(choiceLabels[current] ?? {}, o, lang)}
            </option>
          ))}
        </SelectField>
      )}
      {current === "uppfoljning" && (
        <SelectField
          label={t("avFollowUp")}
          value={chosenFollowUp}
          onChange={setFollowUpId}
          error={error?.fieldMessage("followUpId")}
        >
          {openFollowUps.map((f) => (
            <option key={f.id} value={f.id}>
              {f.dueOn}: {f.purpose}
            </option>
          ))}
        </SelectField>
      )}
      {current === "overenskommelse" && !p.adult && (
        <CheckboxField label={t("avGuardiansAgreed")} checked={guardiansAgreed} onChange={setGuardiansAgreed} />
      )}
      {current !== "vistelse" && (
        <TextAreaField
          label={textLabel}
          required={current === "kartlaggning" || current === "overenskommelse" || current === "uppfoljning"}
          value={text}
          onChange={(e) => setText(e.target.value)}
          error={error?.fieldMessage(current === "overenskommelse" ? "goals" : current === "insats" ? "description" : "summary")}
        />
      )}
    </CaseForm>
  );
}
