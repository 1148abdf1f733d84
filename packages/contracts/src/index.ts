export * from "./channels";
export * from "./dto";
export * from "./enums";
export * from "./limits";
export * from "./requests";
export * from "./roles";
export * from "./workflow";
export * from "./live";
