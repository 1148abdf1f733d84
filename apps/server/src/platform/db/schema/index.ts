export * from "./channels";
export * from "./conversations";
export * from "./tenancy";
export * from "./workflow";
