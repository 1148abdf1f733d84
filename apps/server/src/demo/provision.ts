import { and, eq } from "drizzle-orm";
import type { Logger } from "pino";
import { connectorFor } from "../connectors/registry";
import type { ChannelRow } from "../modules/channels/channels.repo";
import { connectChannel } from "../modules/channels/connect-channel";
import { findWorkspaceBySlug } from "../modules/workspaces/workspaces.repo";
import { channelAccounts } from "../platform/db/schema";
import type { Deps } from "../platform/deps";
import { seedDemoHistory } from "./history/seed-history";
import { demoChannels, type Sandbox, subscribeWebhook } from "./sandbox";
import { DEMO_WORKSPACE } from "./seed-demo";

/**
 * Connects the demo workspace's accounts to the sandbox networks (once; later starts only follow
 * a changed port) and subscribes their webhooks to this server, over real HTTP like production.
 * The first provisioning also writes the demo's last `historyDays` days (30 unless told; 0 writes
 * none; history/seed-history.ts), so reports and the supervisor view have numbers from the start;
 * later starts never add to it. Tests that only need some history ask for a day or two.
 */
export async function provisionDemoChannels(
  deps: Deps,
  sandbox: Sandbox,
  publicUrl: string,
  log: Pick<Logger, "info" | "warn">,
  opts: { historyDays?: number } = {},
) {
  const workspace = await findWorkspaceBySlug(deps.db, DEMO_WORKSPACE.slug);
  if (!workspace) return;
  const connected: ChannelRow[] = [];
  let firstTime = false;
  for (const spec of demoChannels(publicUrl)) {
    if (!connectorFor(spec.network)) continue; // a network Parley cannot speak yet
    const [existing] = await deps.db
      .select()
      .from(channelAccounts)
      .where(
        and(
          eq(channelAccounts.workspaceId, workspace.id),
          eq(channelAccounts.network, spec.network),
          eq(channelAccounts.externalAccountId, spec.external_account_id),
        ),
      );
    let channel = existing;
    if (!existing) {
      firstTime = true;
      channel = await deps.db.transaction((tx) =>
        connectChannel(
          tx,
          deps.secrets,
          {
            workspaceId: workspace.id,
            network: spec.network,
            name: spec.name,
            handle: spec.handle,
            externalAccountId: spec.external_account_id,
            baseUrl: spec.base_url,
            credentials: spec.credentials,
          },
          deps.clock.now(),
        ),
      );
    } else if (existing.baseUrl !== spec.base_url && existing.baseUrl.includes("/sandbox/")) {
      await deps.db
        .update(channelAccounts)
        .set({ baseUrl: spec.base_url })
        .where(eq(channelAccounts.id, existing.id));
    }
    if (channel) connected.push(channel as ChannelRow);
    if (!channel || channel.status === "disconnected" || channel.status === "paused") continue;
    try {
      await subscribeWebhook(sandbox, spec.network, `${publicUrl}/ingest/${spec.network}/${channel.id}`);
    } catch (err) {
      log.warn({ network: spec.network, err: (err as Error).message }, "sandbox webhook subscription failed");
    }
  }
  const days = opts.historyDays ?? 30;
  if (firstTime && days > 0) {
    const history = await seedDemoHistory(
      deps,
      { workspaceId: workspace.id, channels: connected },
      deps.clock.now(),
      { days },
    );
    if (history.seeded)
      log.info(
        {
          conversations: history.conversations,
          replies: history.replies,
          ms: history.ms,
          phases: history.phases,
        },
        `demo history of the last ${days} days written`,
      );
  }
}
