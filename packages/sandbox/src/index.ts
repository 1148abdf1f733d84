export * from "./meta";
export * from "./whatsapp";
export * from "./x";
