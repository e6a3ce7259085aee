import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { ApiError } from "../api";
import { isuApi, type SelfReportForm } from "../components/IsuApi";
import { formatDateTime, type TextKey, useLang } from "../i18n";

type Phase =
  | { kind: "loading" }
  | { kind: "failed"; message: TextKey }
  | { kind: "form"; form: SelfReportForm }
  | { kind: "done" };

/** Reads the token from the URL fragment once and removes the fragment, so it does not linger in history. */
function takeToken(): string {
  const token = window.location.hash.replace(/^#/, "");
  if (window.location.hash) window.history.replaceState(null, "", `${window.location.pathname}${window.location.search}`);
  return token;
}
/** Read at first use, not at render: StrictMode renders twice and the fragment is gone the second time. */
let tokenOnce: string | null = null;
const pageToken = () => {
  tokenOnce ??= takeToken();
  return tokenOnce;
};

const failure = (e: unknown): TextKey =>
  e instanceof ApiError && (e.status === 404 || e.status === 400)
    ? "isuSrNotFound"
    : e instanceof ApiError && e.status === 410
      ? "isuSrGone"
      : "isuSrError";

/** The public self-report form at /svar#<token>: a few ratings and, at the end, the satisfaction survey. */
export function SelfReport() {
  const { t, lang, setLang } = useLang();
  const [token] = useState(pageToken);
  const [phase, setPhase] = useState<Phase>({ kind: "loading" });

  useEffect(() => {
    document.title = t("isuSrTitle");
  }, [t]);

  useEffect(() => {
    if (!token) {
      setPhase({ kind: "failed", message: "isuSrNotFound" });
      return;
    }
    let live = true;
    isuApi.selfReportForm(token).then(
      (form) => live && setPhase({ kind: "form", form }),
      (e: unknown) => live && setPhase({ kind: "failed", message: failure(e) }),
    );
    return () => {
      live = false;
    };
  }, [token]);

  if (phase.kind === "done") return <Thanks />;

  return (
    <div className="sr-page">
      <div className="sr-top">
        <button
          type="button"
          className="link-button"
          lang={lang === "sv" ? "en" : "sv"}
          onClick={() => setLang(lang === "sv" ? "en" : "sv")}
        >
          {t("isuSrLanguage")}
        </button>
      </div>
      <h1>{t("isuSrTitle")}</h1>
      {phase.kind === "loading" && <p role="status">{t("isuSrLoading")}</p>}
      {phase.kind === "failed" && (
        <div className="alert alert-error" role="alert">
          {t(phase.message)}
        </div>
      )}
      {phase.kind === "form" && (
        <AnswerForm
          token={token}
          form={phase.form}
          onDone={() => setPhase({ kind: "done" })}
          onGone={() => setPhase({ kind: "failed", message: "isuSrGone" })}
        />
      )}
    </div>
  );
}

function Thanks() {
  const { t } = useLang();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="sr-page sr-thanks">
      <h1 ref={ref} tabIndex={-1}>
        {t("isuSrThanks")}
      </h1>
    </div>
  );
}

function AnswerForm({
  token,
  form,
  onDone,
  onGone,
}: {
  token: string;
  form: SelfReportForm;
  onDone: () => void;
  onGone: () => void;
}) {
  const { t, lang } = useLang();
  const id = useId();
  const [ratings, setRatings] = useState<Record<string, number>>({});
  const [survey, setSurvey] = useState<Record<string, number>>({});
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = {
      token,
      ratings: Object.entries(ratings).map(([scaleId, value]) => ({ scaleId, value })),
      survey: Object.entries(survey).map(([key, value]) => ({ key, value })),
    };
    setError("");
    if (body.ratings.length + body.survey.length === 0) {
      setMissing(true);
      return;
    }
    setMissing(false);
    setBusy(true);
    try {
      await isuApi.selfReportAnswer(body);
      onDone();
    } catch (err) {
      if (err instanceof ApiError && err.status === 410) onGone();
      else if (err instanceof ApiError && err.status === 404) setError(t("isuSrNotFound"));
      else if (err instanceof ApiError && err.status === 400) setError(err.message || t("isuSrError"));
      else setError(t("isuSrError"));
    } finally {
      setBusy(false);
    }
  };

  const answered = (next: number) => {
    if (next > 0) setMissing(false);
  };

  return (
    <form className="sr-form" onSubmit={(e) => void submit(e)} noValidate>
      <p>{t("isuSrIntro")}</p>
      <p className="hint">{formatExpiry(t("isuSrExpires"), form.expiresAt, lang)}</p>
      {form.scales.map((s) => (
        <ScaleQuestion
          key={s.id}
          name={`scale-${s.id}`}
          question={s.question}
          min={s.min}
          max={s.max}
          minLabel={s.minLabel}
          maxLabel={s.maxLabel}
          value={ratings[s.id]}
          onChange={(v) => {
            const next = { ...ratings };
            if (v === undefined) delete next[s.id];
            else next[s.id] = v;
            setRatings(next);
            answered(Object.keys(next).length);
          }}
        />
      ))}
      {form.survey.length > 0 && (
        <>
          <h2>{t("isuSrSurveyHeading")}</h2>
          {form.survey.map((q) => (
            <ScaleQuestion
              key={q.key}
              name={`survey-${q.key}`}
              question={lang === "sv" ? q.textSv : q.textEn}
              min={1}
              max={5}
              minLabel={t("isuSrNotAtAll")}
              maxLabel={t("isuSrCompletely")}
              value={survey[q.key]}
              onChange={(v) => {
                const next = { ...survey };
                if (v === undefined) delete next[q.key];
                else next[q.key] = v;
                setSurvey(next);
                answered(Object.keys(next).length);
              }}
            />
          ))}
        </>
      )}
      <div className="sr-submit">
        {missing && (
          <p className="field-error" id={`${id}-missing`} role="alert">
            {t("isuSrAtLeastOne")}
          </p>
        )}
        {error && (
          <div className="alert alert-error" role="alert">
            {error}
          </div>
        )}
        <button type="submit" disabled={busy} aria-describedby={missing ? `${id}-missing` : undefined}>
          {busy ? t("isuSrSending") : t("isuSrSend")}
        </button>
      </div>
    </form>
  );
}

function formatExpiry(text: string, iso: string, lang: "sv" | "en") {
  return text.replace("{date}", formatDateTime(iso, lang));
}

/** One question: radio buttons min..max in a row that wraps, with the end labels beneath. */
function ScaleQuestion({
  name,
  question,
  min,
  max,
  minLabel,
  maxLabel,
  value,
  onChange,
}: {
  name: string;
  question: string;
  min: number;
  max: number;
  minLabel: string;
  maxLabel: string;
  value: number | undefined;
  onChange: (v: number | undefined) => void;
}) {
  const { t } = useLang();
  const id = useId();
  const options = Array.from({ length: Math.max(0, max - min + 1) }, (_, n) => min + n);
  const hasEnds = Boolean(minLabel || maxLabel);
  return (
    <fieldset className="sr-question" aria-describedby={hasEnds ? `${id}-ends` : undefined}>
      <legend>{question}</legend>
      <div className="sr-options">
        {options.map((v) => (
          <label key={v} className="sr-option" htmlFor={`${id}-${v}`}>
            <input
              type="radio"
              id={`${id}-${v}`}
              name={`${name}-${id}`}
              value={v}
              checked={value === v}
              onChange={() => onChange(v)}
            />
            <span>{v}</span>
          </label>
        ))}
      </div>
      {hasEnds && (
        <p className="sr-ends" id={`${id}-ends`}>
          <span>{minLabel ? `${min} = ${minLabel}` : ""}</span>
          <span>{maxLabel ? `${max} = ${maxLabel}` : ""}</span>
        </p>
      )}
      {value !== undefined && (
        <button type="button" className="link-button sr-clear" onClick={() => onChange(undefined)}>
          {t("isuSrClear")}
        </button>
      )}
    </fieldset>
  );
}
