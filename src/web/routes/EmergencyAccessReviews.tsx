import { type FormEvent, useCallback, useEffect, useState } from "react";
import type { EmergencyReviewItem } from "../../contracts/emergency-access";
import { EMERGENCY_CATEGORY_LABELS, REVIEW_VERDICT_LABELS, REVIEW_VERDICTS } from "../../domain/emergency-access/rules";
import { ApiError } from "../api";
import { FormError, RadioGroup, TextAreaField, useSubmit } from "../components/CaseFormParts";
import { emergencyApi } from "../components/EmergencyAccessApi";
import { Alert, SelectField } from "../components/Field";
import { fill, formatDateTime, type Lang, useLang } from "../i18n";
import { EMERGENCY_READ_LABELS } from "../texts/emergency-access";

const STATUSES = [
  { value: "unreviewed", key: "eaStatusUnreviewed" },
  { value: "reviewed", key: "eaStatusReviewed" },
  { value: "all", key: "eaStatusAll" },
] as const;

/** "Personuppgifter (person.read)": the kind of record from the action's prefix, then the action itself. */
function readLabel(action: string, lang: Lang): string {
  const kind = EMERGENCY_READ_LABELS[action.split(".")[0] ?? ""];
  return kind ? `${kind[lang]} (${action})` : action;
}

/**
 * kvalitet's review of nödåtkomst (/egenkontroll/nodatkomst, review:manage): each grant with who,
 * whom, when, the reason and what was read, and the verdict — approved, or questioned with a note.
 */
export function EmergencyAccessReviews() {
  const { t } = useLang();
  const [status, setStatus] = useState("unreviewed");
  const [items, setItems] = useState<EmergencyReviewItem[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(
    (cursor?: string) => {
      setError(null);
      emergencyApi
        .reviews(status, cursor)
        .then((res) => {
          setItems((prev) => (cursor ? [...(prev ?? []), ...res.items] : res.items));
          setNext(res.nextCursor);
        })
        .catch((e) => setError(e instanceof ApiError ? e.message : t("error")));
    },
    [status, t],
  );
  useEffect(() => {
    setItems(null);
    load();
  }, [load]);

  const replace = (item: EmergencyReviewItem) => setItems((prev) => prev?.map((i) => (i.id === item.id ? item : i)) ?? null);

  return (
    <>
      <h1>{t("eaReviewTitle")}</h1>
      <p>{t("eaReviewIntro")}</p>
      <form className="inline-form" onSubmit={(e) => e.preventDefault()}>
        <SelectField label={t("eaStatus")} value={status} onChange={setStatus}>
          {STATUSES.map((s) => (
            <option key={s.value} value={s.value}>
              {t(s.key)}
            </option>
          ))}
        </SelectField>
      </form>
      {error && <Alert kind="error">{error}</Alert>}
      {!items && !error && <p role="status">{t("loading")}</p>}
      {items && items.length === 0 && <p>{t("eaNoneToReview")}</p>}
      {items?.map((item) => (
        <GrantReview key={item.id} item={item} onReviewed={replace} />
      ))}
      {next && (
        <button type="button" className="secondary" onClick={() => load(next)}>
          {t("eaShowMore")}
        </button>
      )}
    </>
  );
}

function GrantReview({ item, onReviewed }: { item: EmergencyReviewItem; onReviewed: (i: EmergencyReviewItem) => void }) {
  const { t, lang } = useLang();
  const [verdict, setVerdict] = useState("");
  const [note, setNote] = useState("");
  const submit = useSubmit();
  const headingId = `ea-${item.id}`;
  const whom = item.personName ?? fill(t("eaPersonIdOnly"), { id: item.personId });

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    await submit.run(async () => onReviewed(await emergencyApi.review(item.id, { verdict, ...(note.trim() ? { note } : {}) })));
  }

  return (
    <article className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {item.userDisplayName} → {whom}
      </h2>
      <dl className="facts">
        <dt>{t("eaWho")}</dt>
        <dd>
          {item.userDisplayName} ({item.username}){item.unitName ? `, ${item.unitName}` : ""}
          {item.userDistrictName ? `, ${item.userDistrictName}` : ""}
        </dd>
        <dt>{t("eaWhom")}</dt>
        <dd>
          {whom}, {item.personDistrictName}
        </dd>
        <dt>{t("eaWhen")}</dt>
        <dd>
          {formatDateTime(item.grantedAt, lang)}{" "}
          {item.live
            ? `— ${t("eaLive")}`
            : item.endedAt
              ? fill(t("eaEndedAt"), { at: formatDateTime(item.endedAt, lang) })
              : fill(t("eaExpiresAt"), { at: formatDateTime(item.expiresAt, lang) })}
        </dd>
        <dt>{t("eaCategory")}</dt>
        <dd>{EMERGENCY_CATEGORY_LABELS[item.category][lang]}</dd>
        <dt>{t("eaReason")}</dt>
        <dd>{item.reason}</dd>
      </dl>
      <h3>{t("eaReads")}</h3>
      {item.reads.length === 0 ? (
        <p>{t("eaReadsNone")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">
              {t("eaReads")}: {whom}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("eaReadAt")}</th>
                <th scope="col">{t("eaReadWhat")}</th>
              </tr>
            </thead>
            <tbody>
              {item.reads.map((r) => (
                <tr key={`${r.at}-${r.action}-${r.recordId ?? ""}`}>
                  <td>{formatDateTime(r.at, lang)}</td>
                  <td>{readLabel(r.action, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {item.readsTruncated && <p className="hint">{t("eaReadsTruncated")}</p>}
      {item.review ? (
        <p>
          <strong>{REVIEW_VERDICT_LABELS[item.review.verdict][lang]}</strong> —{" "}
          {fill(t("eaReviewedBy"), { name: item.review.reviewedBy, at: formatDateTime(item.review.reviewedAt, lang) })}
          {item.review.note ? `: ${item.review.note}` : ""}
        </p>
      ) : item.live ? (
        <p>{t("eaWaitUntilOver")}</p>
      ) : (
        <form className="grid-form" onSubmit={onSubmit} aria-label={`${t("eaSaveReview")}: ${whom}`}>
          <RadioGroup
            legend={t("eaVerdict")}
            name={`verdict-${item.id}`}
            value={verdict}
            onChange={setVerdict}
            options={REVIEW_VERDICTS.map((v) => ({ value: v, label: REVIEW_VERDICT_LABELS[v][lang] }))}
            required
          />
          <TextAreaField
            label={t("eaNote")}
            hint={t("eaNoteHint")}
            value={note}
            rows={2}
            onChange={(e) => setNote(e.target.value)}
            required={verdict === "ifragasatt"}
          />
          <div className="form-actions">
            <button type="submit" disabled={!verdict || submit.busy}>
              {t("eaSaveReview")}
            </button>
          </div>
          <FormError error={submit.error} />
        </form>
      )}
    </article>
  );
}
