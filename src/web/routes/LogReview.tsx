import { useCallback, useEffect, useState } from "react";
import { Link, useParams } from "react-router";
import { ACCESS_FLAG_LABELS } from "../../domain/governance/labels";
import { ROLE_LABELS, type Role } from "../../domain/roles";
import type { ApiError } from "../api";
import { asApiError } from "../components/CaseApi";
import { CaseForm, FormError, TextAreaField, useSubmit } from "../components/CaseFormParts";
import { Alert } from "../components/Field";
import { governanceApi, type LogReviewDetail, type LogReviewItem } from "../components/GovernanceApi";
import { word } from "../components/GovernanceParts";
import { fill, formatDateTime, useLang } from "../i18n";

/** One month's log review: how it was drawn, each item with its flags, and the reviewer's verdicts. */
export function LogReview() {
  const { id = "" } = useParams();
  const { t, lang } = useLang();
  const [review, setReview] = useState<LogReviewDetail | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState("");
  const load = useCallback(async () => {
    try {
      setReview(await governanceApi.logReview(id));
      setError(null);
    } catch (e) {
      setError(asApiError(e, t("error")));
    }
  }, [id, t]);
  useEffect(() => {
    void load();
  }, [load]);

  if (!review) return error ? <FormError error={error} /> : <p role="status">{t("loading")}</p>;
  const open = review.entries.filter((i) => i.verdict === null).length;
  return (
    <>
      <p>
        <Link to="/egenkontroll/loggkontroll">← {t("gvLogReview")}</Link>
      </p>
      <h1>
        {t("gvLogReview")} {review.month} – {review.districtName}
      </h1>
      <div role="status" aria-live="polite">
        {notice && <Alert kind="success">{notice}</Alert>}
      </div>
      <section className="card" aria-labelledby="method-heading">
        <h2 id="method-heading">{t("gvHowDrawn")}</h2>
        <dl className="facts">
          <dt>{t("gvSeed")}</dt>
          <dd>
            <code>{review.seed}</code>
          </dd>
          <dt>{t("gvFrame")}</dt>
          <dd>
            {fill(t("gvFrameText"), {
              rows: review.frame.rows,
              accesses: review.frame.accesses,
              users: review.frame.users,
              flagged: review.frame.flagged,
            })}
          </dd>
          <dt>{t("gvSampleSizes")}</dt>
          <dd>{fill(t("gvSampleSizesText"), { rows: review.rowSample, users: review.userSample, max: review.maxFlagged })}</dd>
          <dt>{t("gvDrawnBy")}</dt>
          <dd>
            {review.createdByName}, {formatDateTime(review.createdAt, lang)}
          </dd>
        </dl>
        <ul>
          {!review.frame.monthComplete && <li>{t("gvMonthNotOver")}</li>}
          {review.frame.flaggedLeftOut > 0 && <li>{fill(t("gvFlaggedLeftOut"), { n: review.frame.flaggedLeftOut })}</li>}
          {review.frame.rowSampleTookAll && <li>{t("gvTookAll")}</li>}
        </ul>
        <details>
          <summary>{t("gvMethod")}</summary>
          <p className="prewrap">{review.method}</p>
        </details>
        <VerifyDraw id={review.id} />
      </section>

      <section className="card" aria-labelledby="items-heading">
        <h2 id="items-heading">{t("gvItemsHeading")}</h2>
        <p>{fill(t("gvItemsIntro"), { open })}</p>
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t("gvItemsHeading")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("gvNumber")}</th>
                <th scope="col">{t("gvWhen")}</th>
                <th scope="col">{t("gvReader")}</th>
                <th scope="col">{t("gvWhat")}</th>
                <th scope="col">{t("gvPerson")}</th>
                <th scope="col">{t("gvFlags")}</th>
                <th scope="col">{t("gvWhyDrawn")}</th>
                <th scope="col">{t("gvVerdict")}</th>
              </tr>
            </thead>
            <tbody>
              {review.entries.map((item) => (
                <ItemRow
                  key={item.id}
                  item={item}
                  reviewId={review.id}
                  completed={Boolean(review.completedAt)}
                  onDone={async (message) => {
                    setNotice(message);
                    await load();
                  }}
                />
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {review.completedAt ? (
        <section className="card" aria-labelledby="completed-heading">
          <h2 id="completed-heading">{t("gvCompleted")}</h2>
          <p>
            {formatDateTime(review.completedAt, lang)}, {review.completedByName}
          </p>
          {review.summary && <p className="prewrap">{review.summary}</p>}
        </section>
      ) : (
        <CompleteReview
          id={review.id}
          onDone={async () => {
            setNotice(t("gvCompletedNotice"));
            await load();
          }}
        />
      )}
    </>
  );
}

function VerifyDraw({ id }: { id: string }) {
  const { t } = useLang();
  const [result, setResult] = useState<string>("");
  const { busy, error, run } = useSubmit();
  return (
    <div>
      <FormError error={error} />
      <button
        type="button"
        className="secondary"
        disabled={busy}
        onClick={() =>
          void run(async () => {
            const r = await governanceApi.verifyLogReview(id);
            setResult(
              r.matches ? t("gvVerifyMatches") : fill(t("gvVerifyDiffers"), { n: r.onlyStored.length + r.onlyRedrawn.length }),
            );
          })
        }
      >
        {t("gvVerify")}
      </button>
      <p role="status">{result}</p>
    </div>
  );
}

function ItemRow({
  item,
  reviewId,
  completed,
  onDone,
}: {
  item: LogReviewItem;
  reviewId: string;
  completed: boolean;
  onDone: (message: string) => Promise<void>;
}) {
  const { t, lang } = useLang();
  const [flagging, setFlagging] = useState(false);
  const [note, setNote] = useState("");
  const { busy, error, run } = useSubmit();
  const n = item.position + 1;
  const what =
    item.kind === "user"
      ? fill(t("gvReaderMonth"), {
          rows: String(item.details?.rows ?? 0),
          persons: String(item.details?.persons ?? 0),
        })
      : `${item.action ?? ""}${item.details?.persons ? ` (${fill(t("gvBurst"), { n: String(item.details.persons) })})` : ""}`;
  return (
    <tr className={item.verdict === "flagged" ? "row-overdue" : undefined}>
      <th scope="row">{n}</th>
      <td>{item.at ? formatDateTime(item.at, lang) : "—"}</td>
      <td>
        {item.userName ?? item.username ?? "—"}
        {item.role && <span className="hint"> ({ROLE_LABELS[item.role as Role]?.[lang] ?? item.role})</span>}
      </td>
      <td>{what}</td>
      <td>{item.personId ? <Link to={`/personer/${item.personId}`}>{item.personName ?? "—"}</Link> : "—"}</td>
      <td>
        {item.flags.length === 0 ? (
          "—"
        ) : (
          <ul className="plain">
            {item.flags.map((f) => (
              <li key={f}>
                <span className="flag">{word(ACCESS_FLAG_LABELS, f, lang)}</span>
              </li>
            ))}
          </ul>
        )}
      </td>
      <td>
        {[
          item.drawnByRule ? t("gvByRule") : "",
          item.drawnAtRandom ? t("gvAtRandom") : "",
          item.kind === "user" ? t("gvReaderDrawn") : "",
        ]
          .filter(Boolean)
          .join(", ")}
      </td>
      <td>
        {item.verdict ? (
          <>
            <strong>{item.verdict === "ok" ? t("gvVerdictOk") : t("gvVerdictFlagged")}</strong>
            {item.note ? <p className="prewrap">{item.note}</p> : <br />}
            <span className="hint">
              {item.judgedByName}, {item.judgedAt ? formatDateTime(item.judgedAt, lang) : ""}
            </span>
            {item.deviationId && <p>{t("gvDeviationCreated")}</p>}
          </>
        ) : completed ? (
          "—"
        ) : (
          <>
            <FormError error={error} />
            {!flagging ? (
              <>
                <button
                  type="button"
                  disabled={busy}
                  aria-label={fill(t("gvConfirmItem"), { n })}
                  onClick={() =>
                    void run(
                      () => governanceApi.judge(reviewId, item.id, "ok", ""),
                      () => onDone(fill(t("gvJudgedNotice"), { n })),
                    )
                  }
                >
                  {t("gvVerdictOkButton")}
                </button>{" "}
                <button
                  type="button"
                  className="secondary"
                  aria-label={fill(t("gvFlagItem"), { n })}
                  onClick={() => setFlagging(true)}
                >
                  {t("gvFlagButton")}
                </button>
              </>
            ) : (
              <form
                aria-label={fill(t("gvFlagItem"), { n })}
                onSubmit={(e) => {
                  e.preventDefault();
                  void run(
                    () => governanceApi.judge(reviewId, item.id, "flagged", note),
                    () => onDone(fill(t("gvFlaggedNotice"), { n })),
                  );
                }}
              >
                <TextAreaField
                  label={fill(t("gvFlagNote"), { n })}
                  required
                  value={note}
                  onChange={(e) => setNote(e.target.value)}
                  error={error?.fieldMessage("note")}
                />
                <button type="submit" disabled={busy}>
                  {t("gvFlagSubmit")}
                </button>{" "}
                <button type="button" className="secondary" onClick={() => setFlagging(false)}>
                  {t("gvCancel")}
                </button>
              </form>
            )}
          </>
        )}
      </td>
    </tr>
  );
}

function CompleteReview({ id, onDone }: { id: string; onDone: () => Promise<void> }) {
  const { t } = useLang();
  const [summary, setSummary] = useState("");
  const { busy, error, run } = useSubmit();
  return (
    <section className="card" aria-labelledby="complete-heading">
      <h2 id="complete-heading">{t("gvComplete")}</h2>
      <CaseForm
        labelledBy="complete-heading"
        error={error}
        busy={busy}
        submitLabel={t("gvCompleteButton")}
        onSubmit={() => void run(() => governanceApi.completeLogReview(id, summary), onDone)}
      >
        <TextAreaField label={t("gvSummary")} value={summary} onChange={(e) => setSummary(e.target.value)} />
      </CaseForm>
    </section>
  );
}
