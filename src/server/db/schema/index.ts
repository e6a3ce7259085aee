export * from "./audit";
export * from "./organisation";
export * from "./persons";
