export * from "./assessments";
export * from "./audit";
export * from "./cases";
export * from "./effects";
export * from "./interventions";
export * from "./organisation";
export * from "./persons";
export * from "./disclosure";
