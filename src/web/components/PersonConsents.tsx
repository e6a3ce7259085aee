import { useCallback, useEffect, useState } from "react";
import { Link } from "react-router";
import type { ConsentView } from "../../contracts/samverkan";
import { addCalendarMonths } from "../../domain/clocks";
import {
  AGENCIES,
  AGENCY_LABELS,
  type Agency,
  CONSENT_GIVER_LABELS,
  CONSENT_GIVERS,
  CONSENT_METHOD_LABELS,
  CONSENT_METHODS,
  type ConsentGiver,
  type ConsentMethod,
  FORUM_TYPE_LABELS,
  FORUM_TYPES,
  type ForumType,
  GUARDIANSHIP_LABELS,
  GUARDIANSHIPS,
  type Guardianship,
  INFORMATION_CATEGORIES,
  INFORMATION_CATEGORY_LABELS,
  type InformationCategory,
} from "../../domain/consent/vocabulary";
import { stockholmToday } from "../../domain/time";
import { useAuth } from "../auth";
import { type TextKey, useLang } from "../i18n";
import { CheckboxGroup, FormError, RadioGroup, TextAreaField, useSubmit } from "./CaseFormParts";
import { Alert, Field, SelectField } from "./Field";
import { type PersonConsents as Data, samverkanApi } from "./SamverkanApi";

const STATE_TEXT: Record<ConsentView["state"], TextKey> = {
  aktivt: "samStateAktivt",
  kommande: "samStateKommande",
  utganget: "samStateUtganget",
  aterkallat: "samStateAterkallat",
};

function GiveConsentForm({ personId, data, onDone }: { personId: string; data: Data; onDone: (notice: TextKey) => void }) {
  const { t, lang } = useLang();
  const today = stockholmToday();
  const [givenBy, setGivenBy] = useState<string[]>([]);
  const [guardianship, setGuardianship] = useState<string>("");
  const [method, setMethod] = useState<ConsentMethod>("skriftligt");
  const [agencies, setAgencies] = useState<string[]>([]);
  const [categories, setCategories] = useState<string[]>([]);
  const [forumTypes, setForumTypes] = useState<string[]>([]);
  const [forumIds, setForumIds] = useState<string[]>([]);
  const [validFrom, setValidFrom] = useState(today);
  const [validUntil, setValidUntil] = useState(addCalendarMonths(today, 6));
  const [note, setNote] = useState("");
  const { busy, error, run } = useSubmit();
  const fieldError = (name: string) => error?.fieldMessage(name);
  return (
    <details>
      <summary>{t("samGiveConsent")}</summary>
      <p>{t("samGiveIntro")}</p>
      <FormError error={error} />
      <form
        className="grid-form"
        aria-label={t("samGiveConsent")}
        onSubmit={(e) => {
          e.preventDefault();
          void run(
            () =>
              samverkanApi.createConsent(personId, {
                givenBy: givenBy as ConsentGiver[],
                ...(guardianship ? { guardianship: guardianship as Guardianship } : {}),
                method,
                agencies: agencies as Agency[],
                categories: categories as InformationCategory[],
                forumTypes: forumTypes as ForumType[],
                forumIds,
                validFrom,
                validUntil,
                note,
              }),
            () => onDone("samSaved"),
          );
        }}
      >
        <CheckboxGroup
          legend={t("samGivenBy")}
          values={givenBy}
          onChange={setGivenBy}
          options={CONSENT_GIVERS.map((g) => ({ value: g, label: CONSENT_GIVER_LABELS[g][lang] }))}
          error={fieldError("givenBy")}
        />
        <RadioGroup
          legend={t("samGuardianship")}
          name="guardianship"
          value={guardianship}
          onChange={setGuardianship}
          options={[
            ...GUARDIANSHIPS.map((g) => ({ value: g, label: GUARDIANSHIP_LABELS[g][lang] })),
            { value: "", label: t("samNoGuardianship") },
          ]}
          error={fieldError("guardianship")}
        />
        <RadioGroup
          legend={t("samMethod")}
          name="method"
          value={method}
          onChange={(v) => setMethod(v as ConsentMethod)}
          options={CONSENT_METHODS.map((m) => ({ value: m, label: CONSENT_METHOD_LABELS[m][lang] }))}
        />
        <CheckboxGroup
          legend={t("samAgencies")}
          values={agencies}
          onChange={setAgencies}
          options={AGENCIES.map((a) => ({ value: a, label: AGENCY_LABELS[a][lang] }))}
          error={fieldError("agencies")}
        />
        <CheckboxGroup
          legend={t("samCategories")}
          values={categories}
          onChange={setCategories}
          options={INFORMATION_CATEGORIES.map((c) => ({ value: c, label: INFORMATION_CATEGORY_LABELS[c][lang] }))}
          error={fieldError("categories")}
        />
        <CheckboxGroup
          legend={t("samForumTypes")}
          values={forumTypes}
          onChange={setForumTypes}
          options={FORUM_TYPES.map((f) => ({ value: f, label: FORUM_TYPE_LABELS[f][lang] }))}
          error={fieldError("forumTypes")}
        />
        {data.forumChoices.length > 0 && (
          <CheckboxGroup
            legend={t("samForums")}
            values={forumIds}
            onChange={setForumIds}
            options={data.forumChoices.map((f) => ({ value: f.id, label: f.name }))}
            error={fieldError("forumIds")}
          />
        )}
        <Field
          label={t("samValidFrom")}
          type="date"
          value={validFrom}
          required
          onChange={(e) => setValidFrom(e.target.value)}
          error={fieldError("validFrom")}
        />
        <Field
          label={t("samValidUntil")}
          hint={t("samValidUntilHint")}
          type="date"
          value={validUntil}
          required
          onChange={(e) => setValidUntil(e.target.value)}
          error={fieldError("validUntil")}
        />
        <TextAreaField label={t("samNote")} value={note} maxLength={1000} rows={2} onChange={(e) => setNote(e.target.value)} />
        <div className="form-actions">
          <button type="submit" disabled={busy}>
            {t("samSave")}
          </button>
        </div>
      </form>
    </details>
  );
}

function RevokeForm({ consent, onDone }: { consent: ConsentView; onDone: (notice: TextKey) => void }) {
  const { t } = useLang();
  const [revokedOn, setRevokedOn] = useState(stockholmToday());
  const { busy, error, run } = useSubmit();
  return (
    <form
      className="inline-form"
      aria-label={`${t("samRevokeTitle")} ${consent.validFrom}–${consent.validUntil}`}
      onSubmit={(e) => {
        e.preventDefault();
        void run(
          () => samverkanApi.revokeConsent(consent.id, { revokedOn }),
          () => onDone("samRevoked"),
        );
      }}
    >
      <Field
        label={t("samRevokedOn")}
        type="date"
        value={revokedOn}
        max={stockholmToday()}
        required
        onChange={(e) => setRevokedOn(e.target.value)}
        error={error?.fieldMessage("revokedOn")}
      />
      <button type="submit" className="secondary" disabled={busy}>
        {t("samRevoke")}
      </button>
    </form>
  );
}

function DisclosureForm({ personId, onDone }: { personId: string; onDone: (notice: TextKey) => void }) {
  const { t, lang } = useLang();
  const [agency, setAgency] = useState<Agency>("skola");
  const [categories, setCategories] = useState<string[]>([]);
  const [sharedOn, setSharedOn] = useState(stockholmToday());
  const [recipient, setRecipient] = useState("");
  const [description, setDescription] = useState("");
  const { busy, error, run } = useSubmit();
  return (
    <details>
      <summary>{t("samNewDisclosure")}</summary>
      <FormError error={error} />
      <form
        className="grid-form"
        aria-label={t("samNewDisclosure")}
        onSubmit={(e) => {
          e.preventDefault();
          void run(
            () =>
              samverkanApi.createDisclosure(personId, {
                agency,
                categories: categories as InformationCategory[],
                sharedOn,
                recipient,
                description,
              }),
            () => onDone("samDisclosureSaved"),
          );
        }}
      >
        <SelectField
          label={t("samAgency")}
          value={agency}
          onChange={(v) => setAgency(v as Agency)}
          required
          error={error?.fieldMessage("agency")}
        >
          {AGENCIES.map((a) => (
            <option key={a} value={a}>
              {AGENCY_LABELS[a][lang]}
            </option>
          ))}
        </SelectField>
        <Field
          label={t("samSharedOn")}
          type="date"
          value={sharedOn}
          max={stockholmToday()}
          required
          onChange={(e) => setSharedOn(e.target.value)}
          error={error?.fieldMessage("sharedOn")}
        />
        <Field label={t("samRecipient")} value={recipient} maxLength={200} onChange={(e) => setRecipient(e.target.value)} />
        <CheckboxGroup
          legend={t("samCategories")}
          values={categories}
          onChange={setCategories}
          options={INFORMATION_CATEGORIES.map((c) => ({ value: c, label: INFORMATION_CATEGORY_LABELS[c][lang] }))}
          error={error?.fieldMessage("categories")}
        />
        <TextAreaField
          label={t("samDescription")}
          value={description}
          maxLength={2000}
          rows={3}
          required
          onChange={(e) => setDescription(e.target.value)}
          error={error?.fieldMessage("description")}
        />
        <div className="form-actions">
          <button type="submit" disabled={busy}>
            {t("samSave")}
          </button>
        </div>
      </form>
    </details>
  );
}

/**
 * The person page's "Samtycken" panel: every consent with its scope, period and state, giving and
 * revoking one (consent:manage), the disclosures made under them and the meetings the person was
 * put forward to.
 */
export function PersonConsents({ personId }: { personId: string }) {
  const { t, lang } = useLang();
  const { can } = useAuth();
  const [data, setData] = useState<Data | null>(null);
  /** The last command's success, kept here: the forms start afresh (remount) after each change. */
  const [notice, setNotice] = useState<TextKey | null>(null);
  const load = useCallback(() => {
    samverkanApi
      .consents(personId)
      .then(setData)
      .catch(() => setData(null));
  }, [personId]);
  useEffect(load, [load]);
  const manage = can("consent:manage");
  const done = (n: TextKey) => {
    setNotice(n);
    load();
  };
  const labels = <K extends string>(keys: readonly K[], table: Record<K, { sv: string; en: string }>) =>
    keys.map((k) => table[k][lang]).join(", ");
  return (
    <section className="card" aria-labelledby="consents-heading">
      <h2 id="consents-heading">{t("samConsents")}</h2>
      {notice && <Alert kind="success">{t(notice)}</Alert>}
      {!data ? (
        <p role="status">{t("loading")}</p>
      ) : (
        <>
          {data.consents.length === 0 ? (
            <p>{t("samNoConsents")}</p>
          ) : (
            <ul className="plain">
              {data.consents.map((c) => (
                <li key={c.id} className="subcard">
                  <p>
                    <strong>{t(STATE_TEXT[c.state])}</strong> · {c.validFrom} – {c.validUntil}
                    {c.revokedOn && ` · ${t("samRevokedOn").toLowerCase()} ${c.revokedOn} (${c.revokedByName ?? ""})`}
                  </p>
                  <dl className="facts">
                    <dt>{t("samGivenBy")}</dt>
                    <dd>
                      {labels(c.givenBy, CONSENT_GIVER_LABELS)}
                      {c.guardianship && ` (${GUARDIANSHIP_LABELS[c.guardianship][lang]})`}
                    </dd>
                    <dt>{t("samMethod")}</dt>
                    <dd>
                      {CONSENT_METHOD_LABELS[c.method][lang]}, {t("samRecordedBy").toLowerCase()} {c.recordedByName}
                    </dd>
                    <dt>{t("samAgencies")}</dt>
                    <dd>{labels(c.agencies, AGENCY_LABELS)}</dd>
                    <dt>{t("samCategories")}</dt>
                    <dd>{labels(c.categories, INFORMATION_CATEGORY_LABELS)}</dd>
                    <dt>{t("samForums")}</dt>
                    <dd>
                      {[...c.forumTypes.map((f) => FORUM_TYPE_LABELS[f][lang]), ...c.forums.map((f) => f.name)].join(", ") || "—"}
                    </dd>
                    {c.note && (
                      <>
                        <dt>{t("samNote")}</dt>
                        <dd>{c.note}</dd>
                      </>
                    )}
                  </dl>
                  {manage && !c.revokedOn && <RevokeForm consent={c} onDone={done} />}
                </li>
              ))}
            </ul>
          )}
          {manage && <GiveConsentForm key={`give-${data.consents.length}`} personId={personId} data={data} onDone={done} />}
          <h3>{t("samDisclosures")}</h3>
          {data.disclosures.length === 0 ? (
            <p>{t("samNoDisclosures")}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("samSharedOn")}</th>
                  <th scope="col">{t("samAgency")}</th>
                  <th scope="col">{t("samCategories")}</th>
                  <th scope="col">{t("samDescription")}</th>
                  <th scope="col">{t("samRecordedBy")}</th>
                </tr>
              </thead>
              <tbody>
                {data.disclosures.map((d) => (
                  <tr key={d.id}>
                    <td>{d.sharedOn}</td>
                    <td>
                      {AGENCY_LABELS[d.agency][lang]}
                      {d.recipient && ` (${d.recipient})`}
                    </td>
                    <td>{labels(d.categories, INFORMATION_CATEGORY_LABELS)}</td>
                    <td>{d.description}</td>
                    <td>{d.recordedByName}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {manage && <DisclosureForm key={`share-${data.disclosures.length}`} personId={personId} onDone={done} />}
          {data.agendaItems.length > 0 && (
            <>
              <h3>{t("samOnAgendas")}</h3>
              <ul>
                {data.agendaItems.map((a) => (
                  <li key={a.meetingId}>
                    {can("forum:manage") ? (
                      <Link to={`/samverkan/moten/${a.meetingId}`}>
                        {a.forumName}, {a.meetingOn}
                      </Link>
                    ) : (
                      `${a.forumName}, ${a.meetingOn}`
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
