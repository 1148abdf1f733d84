import { metaEmulator, whatsappEmulator, X_DEFAULTS, xEmulator } from "@parley/sandbox";
import type { FastifyInstance } from "fastify";
import type { Clock } from "../platform/clock";

/** The three local networks of the demo, with their in-process handles (for the simulator). */
export function createSandbox(opts: { clock: Clock; seed: number }) {
  return {
    x: xEmulator({ clock: opts.clock, seed: opts.seed }),
    meta: metaEmulator({ clock: opts.clock, seed: `parley-${opts.seed}`, preinstalled: true }),
    whatsapp: whatsappEmulator({ clock: opts.clock, seed: `parley-${opts.seed}`, preinstalled: true }),
  };
}
export type Sandbox = ReturnType<typeof createSandbox>;

/** Mounts each network's API under /sandbox/<network>, as it is served by the real host. */
export async function mountSandbox(app: FastifyInstance, sandbox: Sandbox) {
  await app.register(sandbox.x.plugin, { prefix: "/sandbox/x" });
  await app.register(sandbox.meta.plugin, { prefix: "/sandbox/meta" });
  await app.register(sandbox.whatsapp.plugin, { prefix: "/sandbox/whatsapp" });
}

export async function closeSandbox(sandbox: Sandbox) {
  await sandbox.x.close();
}

const META = {
  appId: "880000000000001",
  appSecret: "emulator_app_secret",
  verifyToken: "emulator_verify_token",
};

export interface DemoChannel {
  network: "x" | "facebook" | "instagram" | "whatsapp";
  name: string;
  handle: string;
  external_account_id: string;
  base_url: string;
  credentials: Record<string, string>;
}

/** The demo brand's accounts on the sandbox networks, as an admin would connect them. */
export function demoChannels(publicUrl: string): DemoChannel[] {
  return [
    {
      network: "x",
      name: "@acme",
      handle: X_DEFAULTS.brand.username,
      external_account_id: X_DEFAULTS.brand.id,
      base_url: `${publicUrl}/sandbox/x`,
      credentials: {
        api_key: X_DEFAULTS.consumerKey,
        api_secret: X_DEFAULTS.consumerSecret,
        bearer_token: X_DEFAULTS.bearerToken,
        access_token: X_DEFAULTS.userBearer,
      },
    },
    {
      network: "facebook",
      name: "Acme Telecom (Page)",
      handle: "acme",
      external_account_id: "104455667788990",
      base_url: `${publicUrl}/sandbox/meta`,
      credentials: {
        app_id: META.appId,
        app_secret: META.appSecret,
        verify_token: META.verifyToken,
        page_access_token: "EAAemulatorPageToken",
      },
    },
    {
      network: "instagram",
      name: "@acme (Instagram)",
      handle: "acme",
      external_account_id: "17841400000000001",
      base_url: `${publicUrl}/sandbox/meta`,
      credentials: {
        app_id: META.appId,
        app_secret: META.appSecret,
        verify_token: META.verifyToken,
        access_token: "IGAAemulatorUserToken",
      },
    },
    {
      network: "whatsapp",
      name: "Acme WhatsApp +44 7700 900001",
      handle: "447700900001",
      external_account_id: "110000000000002",
      base_url: `${publicUrl}/sandbox/whatsapp`,
      credentials: {
        app_id: META.appId,
        app_secret: META.appSecret,
        verify_token: META.verifyToken,
        access_token: "EAAGemulatorWhatsAppToken",
      },
    },
  ];
}

/** Points a network's webhooks at Parley's ingest URL (the network runs its handshake first). */
export async function subscribeWebhook(sandbox: Sandbox, network: string, url: string): Promise<void> {
  if (network === "x") {
    await sandbox.x.control.registerWebhook(url);
    return;
  }
  const result =
    network === "whatsapp"
      ? await sandbox.whatsapp.subscribe({ callbackUrl: url })
      : await sandbox.meta.subscribe({
          object: network === "instagram" ? "instagram" : "page",
          callbackUrl: url,
        });
  if (!result.ok) throw new Error(`${network} webhook verification failed for ${url}`);
}
