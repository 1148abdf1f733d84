export { type WhatsAppEmulator, whatsappEmulator } from "./emulator";
export type { WhatsAppEmulatorOptions, WhatsAppTemplate } from "./options";
export type { InboundMessage, OutboundMessage, StatusName, WhatsAppCustomer } from "./store";
