import { useCallback, useEffect, useId, useState } from "react";
import { Link } from "react-router";
import { useLang } from "../i18n";
import { CLOCK_LABELS, DECISION_TYPE_LABELS, label } from "../labels";
import { ClockStateText } from "./CaseClocks";
import { FormError, TextAreaField, useSubmit } from "./CaseFormParts";
import { proposalApi, type ProposalQueue as Queue } from "./DecisionProposalApi";

type Item = Queue["items"][number];

/**
 * The delegate's queue on the start page: förslag till beslut waiting for them, longest waiting
 * first, with how long each has waited and the case's running clocks. Shows nothing to a user who
 * has none and never had any this visit.
 */
export function ProposalQueue() {
  const { t } = useLang();
  const [data, setData] = useState<Queue | null>(null);
  const [notice, setNotice] = useState("");
  const load = useCallback(async () => {
    try {
      setData(await proposalApi.queue());
    } catch {
      setData(null);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  if (!data || (data.items.length === 0 && !notice)) return null;
  const done = async (text: string) => {
    setNotice(text);
    await load();
  };
  return (
    <section className="card" aria-labelledby="proposal-queue-heading">
      <h2 id="proposal-queue-heading">{t("dpQueueTitle")}</h2>
      <p>{t("dpQueueIntro")}</p>
      <div role="status" aria-live="polite">
        {notice}
      </div>
      {data.items.length === 0 ? (
        <p>{t("dpQueueEmpty")}</p>
      ) : (
        data.items.map((p) => <QueueItem key={p.id} item={p} onDone={done} />)
      )}
      {data.truncated && <p className="hint">{t("dpQueueTruncated")}</p>}
    </section>
  );
}

function QueueItem({ item: p, onDone }: { item: Item; onDone: (notice: string) => Promise<void> }) {
  const { t, lang } = useLang();
  const id = useId();
  const [comment, setComment] = useState("");
  const { busy, error, run } = useSubmit();
  const title = `${label(DECISION_TYPE_LABELS, p.type, lang)} — ${p.personName}`;
  const waited = p.waitedHours < 48 ? `${p.waitedHours} ${t("dpHours")}` : `${Math.floor(p.waitedHours / 24)} ${t("dpDays")}`;
  return (
    <article className="subcard" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      <dl className="facts">
        <dt>{t("dpCase")}</dt>
        <dd>
          <Link to={`/arenden/${p.caseId}`}>{p.personName}</Link>
        </dd>
        <dt>{t("dpProposedBy")}</dt>
        <dd>{p.proposedBy.name}</dd>
        <dt>{t("dpWaited")}</dt>
        <dd>{waited}</dd>
        {p.insats && (
          <>
            <dt>{t("insats")}</dt>
            <dd>{p.insats}</dd>
          </>
        )}
        {p.newEndDate && (
          <>
            <dt>{t("dpNewEndDate")}</dt>
            <dd>{p.newEndDate}</dd>
          </>
        )}
        <dt>{t("reason")}</dt>
        <dd className="prewrap">{p.reason}</dd>
        <dt>{t("openClocks")}</dt>
        <dd>
          {p.clocks.length === 0 ? (
            "—"
          ) : (
            <ul className="plain">
              {p.clocks.map((k) => (
                <li key={`${k.clock}-${k.dueDate}`}>
                  {label(CLOCK_LABELS, k.clock, lang)}: <ClockStateText state={k.state} />{" "}
                  <span className="hint">
                    ({t("dueDate")} {k.dueDate}, {t("daysLeft")}: {k.daysLeft})
                  </span>
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
      {p.canDecide && (
        <form
          className="grid-form"
          aria-label={`${t("dpActions")}: ${title}`}
          onSubmit={(e) => {
            e.preventDefault();
          }}
        >
          <FormError error={error} />
          <TextAreaField
            label={`${t("dpReturnComment")} / ${t("dpRejectReason")}`}
            value={comment}
            maxLength={2_000}
            onChange={(e) => setComment(e.target.value)}
            error={error?.fieldMessage("comment")}
          />
          <div className="form-actions">
            <button
              type="button"
              disabled={busy}
              onClick={() =>
                void run(
                  () => proposalApi.approve(p.id),
                  () => onDone(t("dpApproved")),
                )
              }
            >
              {t("dpApprove")}
            </button>
            <button
              type="button"
              className="secondary"
              disabled={busy}
              onClick={() =>
                void run(
                  () => proposalApi.sendBack(p.id, "return", comment),
                  () => onDone(t("dpReturnedDone")),
                )
              }
            >
              {t("dpReturn")}
            </button>
            <button
              type="button"
              className="secondary"
              disabled={busy}
              onClick={() =>
                void run(
                  () => proposalApi.sendBack(p.id, "reject", comment),
                  () => onDone(t("dpRejectedDone")),
                )
              }
            >
              {t("dpReject")}
            </button>
          </div>
        </form>
      )}
    </article>
  );
}
