export * from "./assessments";
export * from "./audit";
export * from "./cases";
export * from "./interventions";
export * from "./organisation";
export * from "./persons";
export * from "./effects";
