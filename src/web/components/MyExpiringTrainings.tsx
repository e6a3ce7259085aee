import { useEffect, useState } from "react";
import { TRAINING_EXPIRY_WARNING_DAYS } from "../../domain/assessment-policy";
import { useLang } from "../i18n";
import { assessmentApi, type Training } from "./AssessmentApi";

/** Status as icon and word, never colour alone. */
export function TrainingStatusText({ status }: { status: Training["status"] }) {
  const { t } = useLang();
  const [icon, text, css] =
    status === "valid"
      ? ["✓", t("trainingValid"), "state-met"]
      : status === "expiring"
        ? ["△", t("trainingExpiring"), "state-due_soon"]
        : ["⚠", t("trainingExpired"), "state-overdue"];
  return (
    <span className={`state ${css}`}>
      <span aria-hidden="true">{icon} </span>
      {text}
    </span>
  );
}

/**
 * The reminder on the start page: the signed-in user's own instrument trainings that end within
 * the warning window (or have ended), since only a valid training lets them sign assessments.
 * Shows nothing when there is nothing to remind of.
 */
export function MyExpiringTrainings({ userId }: { userId: string }) {
  const { t } = useLang();
  const [items, setItems] = useState<Training[]>([]);
  useEffect(() => {
    assessmentApi
      .trainings({ userId, expiringWithinDays: TRAINING_EXPIRY_WARNING_DAYS })
      .then((r) => setItems(r.items))
      .catch(() => setItems([]));
  }, [userId]);
  if (items.length === 0) return null;
  return (
    <section className="card" aria-labelledby="my-trainings-heading">
      <h2 id="my-trainings-heading">{t("myExpiringTrainings")}</h2>
      <ul>
        {items.map((x) => (
          <li key={x.id}>
            {x.instrumentName ?? x.instrumentKey} {x.instrumentVersion}: <TrainingStatusText status={x.status} />,{" "}
            {t("validUntil").toLowerCase()} {x.validUntil ?? "—"}
          </li>
        ))}
      </ul>
    </section>
  );
}
