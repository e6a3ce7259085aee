import { type InstrumentDefinition, instrumentDefinitionSchema } from "./definition";
import adad from "./shipped/adad.json" with { type: "json" };
import earl20b from "./shipped/earl-20b.json" with { type: "json" };
import earl21g from "./shipped/earl-21g.json" with { type: "json" };
import gas from "./shipped/gas.json" with { type: "json" };
import savry from "./shipped/savry.json" with { type: "json" };
import ylsCmi from "./shipped/yls-cmi.json" with { type: "json" };

/**
 * Definitions offered at first start. Only GAS is complete; the others are structure-only
 * templates (codes, scales, domains) because their item texts are copyrighted. Parsing here
 * fails fast at import if someone edits a JSON file into an invalid shape.
 */
export const SHIPPED_DEFINITIONS: InstrumentDefinition[] = [gas, savry, earl20b, earl21g, ylsCmi, adad].map((raw) =>
  instrumentDefinitionSchema.parse(raw),
);
