import { useState } from "react";
import type { UoPlanView } from "../../contracts/ungdomstjanst";
import { caseAccepts } from "../../domain/case-flow";
import { stockholmToday } from "../../domain/time";
import { UO_ITEM_KINDS, UO_OUTCOMES } from "../../domain/ungdomstjanst/ungdomsovervakning";
import { useLang } from "../i18n";
import { label } from "../labels";
import { UO_KIND_LABELS, UO_OUTCOME_LABELS } from "../texts/ungdomstjanst";
import type { CaseFile } from "./CaseApi";
import { ClockStateText } from "./CaseClocks";
import { CaseForm, TextAreaField, useSubmit } from "./CaseFormParts";
import { CaseRecordPanel } from "./CaseRecordPanel";
import { Field, SelectField } from "./Field";
import { youthSanctionApi } from "./YouthSanctionApi";

/** Judgments to ungdomsövervakning on the case and the social services' part of Kriminalvården's plan. */
export function CaseUngdomsovervakning({ caseFile: c, canWrite }: { caseFile: CaseFile; canWrite: boolean }) {
  return (
    <CaseRecordPanel<UoPlanView>
      id="uo"
      heading="uoHeading"
      intro="uoIntro"
      none="uoNone"
      caseId={c.id}
      fetch={youthSanctionApi.plans}
      card={(p, i, changed) => <PlanCard key={p.id} p={p} index={i} canWrite={canWrite} onChanged={changed} />}
      form={(_, changed) =>
        canWrite && caseAccepts(c.closedAt !== null, "record") && <PlanForm caseId={c.id} onChanged={changed} />
      }
    />
  );
}

function PlanForm({ caseId, onChanged }: { caseId: string; onChanged: () => Promise<void> }) {
  const { t } = useLang();
  const empty = { court: "", judgmentOn: "", months: "", koordinator: "" };
  const [form, setForm] = useState(empty);
  const { busy, error, run } = useSubmit();
  const set = (k: keyof typeof empty) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  return (
    <CaseForm
      heading={t("uoNew")}
      busy={busy}
      error={error}
      submitLabel={t("utRegister")}
      onSubmit={() =>
        void run(
          () => youthSanctionApi.createPlan(caseId, { ...form, months: Number(form.months) }),
          async () => {
            setForm(empty);
            await onChanged();
          },
        )
      }
    >
      <Field
        label={t("utCourt")}
        value={form.court}
        maxLength={120}
        onChange={set("court")}
        error={error?.fieldMessage("court")}
        required
      />
      <Field
        label={t("utJudgmentOn")}
        type="date"
        value={form.judgmentOn}
        max={stockholmToday()}
        onChange={set("judgmentOn")}
        error={error?.fieldMessage("judgmentOn")}
        required
      />
      <Field
        label={t("uoMonths")}
        type="number"
        value={form.months}
        onChange={set("months")}
        error={error?.fieldMessage("months")}
        required
      />
      <Field
        label={t("uoKoordinator")}
        value={form.koordinator}
        maxLength={120}
        onChange={set("koordinator")}
        error={error?.fieldMessage("koordinator")}
        required
      />
    </CaseForm>
  );
}

function PlanCard({
  p,
  index,
  canWrite,
  onChanged,
}: {
  p: UoPlanView;
  index: number;
  canWrite: boolean;
  onChanged: () => Promise<void>;
}) {
  const { t, lang } = useLang();
  const headingId = `uo-${p.id}`;
  return (
    <article className="subcard" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {t("uoPlan")} {index + 1}: {p.court} {p.judgmentOn}
      </h3>
      <dl className="facts">
        <dt>{t("yoLegalBasis")}</dt>
        <dd>{p.legalBasis}</dd>
        <dt>{t("uoMonths")}</dt>
        <dd>{p.months}</dd>
        <dt>{t("uoKoordinator")}</dt>
        <dd>{p.koordinator}</dd>
      </dl>
      {p.items.length === 0 ? (
        <p>{t("uoNoItems")}</p>
      ) : (
        <table>
          <caption>{t("uoItems")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("uoKind")}</th>
              <th scope="col">{t("uoDescription")}</th>
              <th scope="col">{t("uoStartsOn")}</th>
              <th scope="col">{t("uoFollowUpBy")}</th>
              <th scope="col">{t("uoFollowedUpOn")}</th>
            </tr>
          </thead>
          <tbody>
            {p.items.map((i) => (
              <tr key={i.id}>
                <td>{label(UO_KIND_LABELS, i.kind, lang)}</td>
                <td className="prewrap">{i.description}</td>
                <td>{i.startsOn}</td>
                <td>
                  {i.followUpBy} — <ClockStateText state={i.clock.state} />
                </td>
                <td>
                  {i.followedUpOn
                    ? `${i.followedUpOn}: ${label(UO_OUTCOME_LABELS, i.outcome ?? "", lang)}${i.outcomeNote ? ` (${i.outcomeNote})` : ""}`
                    : canWrite && <FollowUpControl itemId={i.id} description={i.description} onChanged={onChanged} />}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canWrite && <ItemForm planId={p.id} onChanged={onChanged} />}
    </article>
  );
}

function ItemForm({ planId, onChanged }: { planId: string; onChanged: () => Promise<void> }) {
  const { t, lang } = useLang();
  const empty = { kind: "", description: "", startsOn: stockholmToday(), followUpBy: "" };
  const [form, setForm] = useState(empty);
  const { busy, error, run } = useSubmit();
  return (
    <CaseForm
      heading={t("uoNewItem")}
      level={4}
      busy={busy}
      error={error}
      submitLabel={t("uoAddItem")}
      onSubmit={() =>
        void run(
          () => youthSanctionApi.addItem(planId, { ...form, kind: form.kind as (typeof UO_ITEM_KINDS)[number] }),
          async () => {
            setForm(empty);
            await onChanged();
          },
        )
      }
    >
      <SelectField label={t("uoKind")} value={form.kind} onChange={(v) => setForm({ ...form, kind: v })} required>
        <option value="">{t("choose")}</option>
        {UO_ITEM_KINDS.map((k) => (
          <option key={k} value={k}>
            {label(UO_KIND_LABELS, k, lang)}
          </option>
        ))}
      </SelectField>
      <TextAreaField
        label={t("uoDescription")}
        value={form.description}
        maxLength={2_000}
        onChange={(e) => setForm({ ...form, description: e.target.value })}
        error={error?.fieldMessage("description")}
        required
      />
      <Field
        label={t("uoStartsOn")}
        type="date"
        value={form.startsOn}
        onChange={(e) => setForm({ ...form, startsOn: e.target.value })}
        error={error?.fieldMessage("startsOn")}
        required
      />
      <Field
        label={t("uoFollowUpBy")}
        type="date"
        value={form.followUpBy}
        onChange={(e) => setForm({ ...form, followUpBy: e.target.value })}
        error={error?.fieldMessage("followUpBy")}
        required
      />
    </CaseForm>
  );
}

function FollowUpControl({
  itemId,
  description,
  onChanged,
}: {
  itemId: string;
  description: string;
  onChanged: () => Promise<void>;
}) {
  const { t, lang } = useLang();
  const [form, setForm] = useState({ on: stockholmToday(), outcome: "" });
  const { busy, error, run } = useSubmit();
  return (
    <CaseForm
      heading={`${t("uoFollowUp")}: ${description.slice(0, 40)}`}
      level={4}
      busy={busy}
      error={error}
      submitLabel={t("uoFollowUp")}
      className="inline-form"
      onSubmit={() =>
        void run(
          () => youthSanctionApi.followUp(itemId, { on: form.on, outcome: form.outcome as (typeof UO_OUTCOMES)[number] }),
          onChanged,
        )
      }
    >
      <Field
        label={t("uoFollowUpOn")}
        type="date"
        value={form.on}
        max={stockholmToday()}
        onChange={(e) => setForm({ ...form, on: e.target.value })}
        error={error?.fieldMessage("on")}
        required
      />
      <SelectField label={t("uoOutcome")} value={form.outcome} onChange={(v) => setForm({ ...form, outcome: v })} required>
        <option value="">{t("choose")}</option>
        {UO_OUTCOMES.map((o) => (
          <option key={o} value={o}>
            {label(UO_OUTCOME_LABELS, o, lang)}
          </option>
        ))}
      </SelectField>
    </CaseForm>
  );
}
