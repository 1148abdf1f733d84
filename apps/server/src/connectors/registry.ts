import type { Channel } from "@parley/contracts";
import type { Connector } from "./connector";
import { facebookConnector } from "./facebook/facebook.connector";
import { instagramConnector } from "./instagram/instagram.connector";
import { whatsappConnector } from "./whatsapp/whatsapp.connector";
import { xConnector } from "./x/x.connector";

/** Every network Parley speaks, by name. */
const CONNECTORS: Partial<Record<Channel, Connector>> = {
  x: xConnector,
  facebook: facebookConnector,
  instagram: instagramConnector,
  whatsapp: whatsappConnector,
};

export function connectorFor(network: Channel): Connector | undefined {
  return CONNECTORS[network];
}
