import { fill, formatNumber, formatShare, useLang } from "../i18n";

/** A hidden figure (too few persons, or hidden to protect another): "–" shown, "dolt (röjandeskydd)" read. */
export function Suppressed() {
  const { t } = useLang();
  return (
    <>
      <span aria-hidden="true">–</span>
      <span className="visually-hidden">{t("sbFewer")}</span>
    </>
  );
}

/** A count, or a suppressed one. */
export function Count({ value }: { value: number | null }) {
  return value === null ? <Suppressed /> : <>{value}</>;
}

/** A share as a percentage, or a suppressed one. */
export function Share({ value }: { value: number | null }) {
  const { lang } = useLang();
  return value === null ? <Suppressed /> : <>{formatShare(value, lang)}</>;
}

/** A number with a fixed number of decimals, or a suppressed one. */
export function Num({ value, decimals = 1 }: { value: number | null; decimals?: number }) {
  const { lang } = useLang();
  return value === null ? <Suppressed /> : <>{formatNumber(value, lang, decimals, true)}</>;
}

/** What a report says of its disclosure control (contracts/disclosure.ts), shown beside its figures. */
export interface Disclosure {
  maxNoise: number;
  minStatisticN: number;
  granularity: "day" | "calendar";
  protectedWhole: boolean;
}

/** The disclosure note of a report: how figures are protected, and a warning when all are hidden. */
export function DisclosureNote({ disclosure, id }: { disclosure: Disclosure; id?: string }) {
  const { t } = useLang();
  return (
    <div id={id}>
      {disclosure.protectedWhole && (
        <p className="alert" role="status">
          {t("discWhole")}
        </p>
      )}
      <p className="hint">
        {t("sbSuppressionNote")} {fill(t("discNoise"), { noise: disclosure.maxNoise, minN: disclosure.minStatisticN })}
        {disclosure.granularity === "calendar" && <> {t("discMonths")}</>}
      </p>
    </div>
  );
}
