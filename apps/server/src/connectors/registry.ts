import type { Channel } from "@parley/contracts";
import type { Connector } from "./connector";
import { xConnector } from "./x/x.connector";

/** Every network Parley speaks, by name. */
const CONNECTORS: Partial<Record<Channel, Connector>> = {
  x: xConnector,
};

export function connectorFor(network: Channel): Connector | undefined {
  return CONNECTORS[network];
}
