import { type AgeOutside, ageOutsideTarget, type TargetAges } from "../../domain/interventions/guards";
import { fill, useLang } from "../i18n";
import { TextAreaField } from "./CaseFormParts";

/** The age check of an insats form: the entry's target ages and, when the age on `onDate` lies outside, null otherwise. */
export function ageCheck(birthDate: string, onDate: string, target: TargetAges): AgeOutside | null {
  return /^\d{4}-\d{2}-\d{2}$/.test(onDate) ? ageOutsideTarget(birthDate, onDate, target) : null;
}

/**
 * Shows the catalogue entry's target ages; when the young person's age on the start day lies outside
 * them, warns and asks for the reason (or shows the one already given), as the server requires.
 */
export function AgeRangeFields({
  target,
  outside,
  onDate,
  reason,
  onReason,
  error,
  givenReason,
}: {
  target: TargetAges;
  outside: AgeOutside | null;
  onDate: string;
  reason: string;
  onReason: (v: string) => void;
  error: string | undefined;
  /** A reason stored earlier (when the uppdrag was given): then nothing more is asked. */
  givenReason?: string | null;
}) {
  const { t } = useLang();
  return (
    <>
      <p className="hint field-wide">
        {t("igTargetAges")}: {fill(t("igAgeRange"), { min: target.min, max: target.max })}
      </p>
      {outside && (
        <div className="alert alert-error field-wide" role="alert">
          <span aria-hidden="true">⚠ </span>
          <strong>{fill(t("igAgeOutside"), { min: outside.min, max: outside.max, age: outside.age, date: onDate })}</strong>{" "}
          {givenReason ? (
            <>
              {t("igAgeReasonGiven")} {givenReason}
            </>
          ) : (
            t("igAgeOutsideAsk")
          )}
        </div>
      )}
      {outside && !givenReason && (
        <TextAreaField
          label={t("igAgeOutsideReason")}
          value={reason}
          maxLength={2_000}
          onChange={(e) => onReason(e.target.value)}
          error={error}
          required
        />
      )}
    </>
  );
}
