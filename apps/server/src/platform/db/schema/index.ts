export * from "./channels";
export * from "./content";
export * from "./conversations";
export * from "./jobs";
export * from "./reporting";
export * from "./tenancy";
export * from "./triage";
export * from "./workflow";
