import { formatNumber, formatShare, useLang } from "../i18n";

/** A hidden figure (fewer than 5 persons): "–" shown, "färre än 5" read. */
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
