export * from "./bus";
export {
  type ChangeFeed,
  createChangeFeed,
  createInlineChangeFeed,
  createNatsChangeFeed,
  type DeskChange,
  type DeskChangeHandler,
  publishEach,
} from "./changes";
export { type BusConfig, busConfigFromEnv, createBus } from "./create-bus";
export { InlineBus, type InlineBusOptions } from "./inline-bus";
export { createNatsBus, NatsBus, type NatsBusOptions } from "./nats-bus";
