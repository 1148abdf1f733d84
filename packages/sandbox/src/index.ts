export * from "./meta";
export * from "./simulator";
export * from "./whatsapp";
export * from "./x";
