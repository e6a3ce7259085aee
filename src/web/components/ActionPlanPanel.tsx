import { useCallback, useEffect, useState } from "react";
import { Link } from "react-router";
import {
  AGENCIES,
  AGENCY_LABELS,
  type Agency,
  INFORMATION_CATEGORIES,
  INFORMATION_CATEGORY_LABELS,
  type InformationCategory,
} from "../../domain/consent/vocabulary";
import { PLAN_STAGE_LABELS } from "../../domain/samverkan-plan/rules";
import { useAuth } from "../auth";
import { useLang } from "../i18n";
import { actionPlanApi, type PersonPlans } from "./ActionPlanApi";
import { CheckboxGroup, FormError, TextAreaField, useSubmit } from "./CaseFormParts";
import { Alert, Field, SelectField } from "./Field";

function NewPlanForm({ personId, data, onDone }: { personId: string; data: PersonPlans; onDone: () => void }) {
  const { t, lang } = useLang();
  const [title, setTitle] = useState("");
  const [goals, setGoals] = useState("");
  const [agencies, setAgencies] = useState<string[]>([]);
  const [categories, setCategories] = useState<string[]>([]);
  const [forumId, setForumId] = useState("");
  const [nextFollowUpOn, setNextFollowUpOn] = useState("");
  const { busy, error, run } = useSubmit();
  const fieldError = (name: string) => error?.fieldMessage(name);
  return (
    <details>
      <summary>{t("apNewPlan")}</summary>
      <FormError error={error} />
      <form
        className="grid-form"
        aria-label={t("apNewPlan")}
        onSubmit={(e) => {
          e.preventDefault();
          void run(
            () =>
              actionPlanApi.create(personId, {
                title,
                goals: goals
                  .split("\n")
                  .map((g) => g.trim())
                  .filter(Boolean),
                agencies: agencies as Agency[],
                categories: categories as InformationCategory[],
                ...(forumId ? { forumId } : {}),
                ...(nextFollowUpOn ? { nextFollowUpOn } : {}),
              }),
            onDone,
          );
        }}
      >
        <Field
          label={t("apTitle")}
          value={title}
          required
          maxLength={200}
          onChange={(e) => setTitle(e.target.value)}
          error={fieldError("title")}
        />
        <TextAreaField
          label={t("apGoals")}
          value={goals}
          rows={3}
          required
          onChange={(e) => setGoals(e.target.value)}
          error={fieldError("goals")}
        />
        <CheckboxGroup
          legend={t("apAgencies")}
          values={agencies}
          onChange={setAgencies}
          options={AGENCIES.map((a) => ({ value: a, label: AGENCY_LABELS[a][lang] }))}
          error={fieldError("agencies")}
        />
        <CheckboxGroup
          legend={t("apCategories")}
          values={categories}
          onChange={setCategories}
          options={INFORMATION_CATEGORIES.map((c) => ({ value: c, label: INFORMATION_CATEGORY_LABELS[c][lang] }))}
          error={fieldError("categories")}
        />
        <SelectField label={t("apForum")} value={forumId} onChange={setForumId} error={fieldError("forumId")}>
          <option value="">{t("apNoForum")}</option>
          {data.forumChoices.map((f) => (
            <option key={f.id} value={f.id}>
              {f.name}
            </option>
          ))}
        </SelectField>
        <Field
          label={t("apNextFollowUp")}
          type="date"
          value={nextFollowUpOn}
          onChange={(e) => setNextFollowUpOn(e.target.value)}
          error={fieldError("nextFollowUpOn")}
        />
        <div className="form-actions">
          <button type="submit" disabled={busy}>
            {t("apCreate")}
          </button>
        </div>
      </form>
    </details>
  );
}

/** The person page's panel of joint action plans: each plan's stage and tasks, and a form for a new one. */
export function ActionPlanPanel({ personId }: { personId: string }) {
  const { t, lang } = useLang();
  const { can } = useAuth();
  const [data, setData] = useState<PersonPlans | null>(null);
  const [saved, setSaved] = useState(false);
  const load = useCallback(() => {
    actionPlanApi
      .list(personId)
      .then(setData)
      .catch(() => setData(null));
  }, [personId]);
  useEffect(load, [load]);
  if (!can("consent:manage")) return null;
  return (
    <section className="card" aria-labelledby="action-plans-heading">
      <h2 id="action-plans-heading">{t("apPlans")}</h2>
      <p>{t("apIntro")}</p>
      {saved && <Alert kind="success">{t("apSaved")}</Alert>}
      {!data ? (
        <p role="status">{t("loading")}</p>
      ) : (
        <>
          {data.items.length === 0 ? (
            <p>{t("apNoPlans")}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("apTitle")}</th>
                  <th scope="col">{t("apStage")}</th>
                  <th scope="col">{t("apForum")}</th>
                  <th scope="col">{t("apOpenTasks")}</th>
                  <th scope="col">{t("apOverdueTasks")}</th>
                  <th scope="col">{t("apNextFollowUp")}</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((p) => (
                  <tr key={p.id}>
                    <td>
                      <Link to={`/atgardsplaner/${p.id}`}>{p.title}</Link>
                    </td>
                    <td>{PLAN_STAGE_LABELS[p.stage][lang]}</td>
                    <td>{p.forumName ?? "—"}</td>
                    <td>{p.openTasks}</td>
                    <td>{p.overdueTasks > 0 ? <strong>{p.overdueTasks}</strong> : 0}</td>
                    <td>{p.nextFollowUpOn ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <NewPlanForm
            key={`new-${data.items.length}`}
            personId={personId}
            data={data}
            onDone={() => {
              setSaved(true);
              load();
            }}
          />
        </>
      )}
    </section>
  );
}
