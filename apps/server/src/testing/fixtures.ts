import type { Role } from "@parley/contracts";
import type { FastifyInstance } from "fastify";
import { createApiKey } from "../modules/api-keys/create-api-key";
import type { ChannelRow } from "../modules/channels/channels.repo";
import { createUser } from "../modules/users/create-user";
import { createWorkspace } from "../modules/workspaces/create-workspace";
import type { Db } from "../platform/db";
import {
  channelAccounts,
  contactIdentities,
  contacts,
  conversations,
  messages,
  teams,
} from "../platform/db/schema";
import { newId } from "../platform/ids";
import { ALL_ROLES, type Credentials, loginAs } from "./harness";

export const FIXTURE_PASSWORD = "correct horse battery";

export interface WorkspaceFixture {
  workspaceId: string;
  slug: string;
  userIds: Record<Role, string>;
  sessions: Record<Role, Credentials>;
  apiKeys: Record<Role, Credentials>;
  apiKeyIds: Record<Role, string>;
  teamId: string;
  contactId: string;
  conversationId: string;
  messageId: string;
}

/** Builds an X mention conversation row set the way ingestion will store one. */
export async function insertConversation(
  db: Db,
  workspaceId: string,
  over: Partial<typeof conversations.$inferInsert> = {},
  at = new Date(),
) {
  const contactId = newId();
  const handle = `cust_${contactId.slice(-6)}`;
  await db.insert(contacts).values({
    id: contactId,
    workspaceId,
    displayName: `Customer ${handle}`,
    handle,
    firstSeenAt: at,
    lastSeenAt: at,
  });
  const identityId = newId();
  await db.insert(contactIdentities).values({
    id: identityId,
    workspaceId,
    contactId,
    network: "x",
    externalId: contactId.slice(-12),
    handle,
    displayName: `Customer ${handle}`,
  });
  const conversationId = newId();
  await db.insert(conversations).values({
    id: conversationId,
    workspaceId,
    channel: "x",
    contactId,
    subject: "My internet has been down since this morning",
    preview: "My internet has been down since this morning",
    hasPublic: true,
    messageCount: 1,
    firstCustomerMessageAt: at,
    lastCustomerMessageAt: at,
    lastMessageAt: at,
    createdAt: at,
    updatedAt: at,
    ...over,
  });
  const messageId = newId();
  await db.insert(messages).values({
    id: messageId,
    workspaceId,
    conversationId,
    channel: "x",
    direction: "inbound",
    visibility: "public",
    kind: "post",
    externalId: `${Date.now()}${Math.floor(Math.random() * 1e6)}`,
    authorIdentityId: identityId,
    text: "@acme My internet has been down since this morning",
    deliveryStatus: "received",
    sentAt: at,
    receivedAt: at,
  });
  return { contactId, conversationId, messageId };
}

/** A workspace with one user, one session and one API key per role, a team and a conversation. */
export async function createWorkspaceFixture(
  app: FastifyInstance,
  db: Db,
  slug: string,
): Promise<WorkspaceFixture> {
  const now = new Date();
  const ws = await createWorkspace(db, { slug, name: slug.toUpperCase() }, now);
  const userIds = {} as Record<Role, string>;
  const sessions = {} as Record<Role, Credentials>;
  const apiKeys = {} as Record<Role, Credentials>;
  const apiKeyIds = {} as Record<Role, string>;
  for (const role of ALL_ROLES) {
    const email = `${role}@${slug}.test`;
    const user = await createUser(
      db,
      { workspaceId: ws.id, email, name: `${role} of ${slug}`, password: FIXTURE_PASSWORD, role },
      now,
    );
    userIds[role] = user.id;
    sessions[role] = await loginAs(app, email, FIXTURE_PASSWORD);
    const { row, key } = await createApiKey(
      db,
      { workspaceId: ws.id, name: `${role} key`, role, createdBy: null },
      now,
    );
    apiKeys[role] = { bearer: key };
    apiKeyIds[role] = row.id;
  }
  const teamId = newId();
  await db.insert(teams).values({ id: teamId, workspaceId: ws.id, name: "Care" });
  const conv = await insertConversation(db, ws.id);
  return { workspaceId: ws.id, slug, userIds, sessions, apiKeys, apiKeyIds, teamId, ...conv };
}

/**
 * The brand's X account as a bare row, for suites that push posts through the pipeline directly
 * (no emulator to call: sends would go nowhere). `externalAccountId` is the brand's X user id.
 */
export async function insertXAccount(
  db: Db,
  workspaceId: string,
  over: Partial<typeof channelAccounts.$inferInsert> = {},
): Promise<ChannelRow> {
  const [row] = await db
    .insert(channelAccounts)
    .values({
      id: newId(),
      workspaceId,
      network: "x",
      name: "@acme_help",
      handle: "acme_help",
      externalAccountId: "9000000001",
      baseUrl: "http://127.0.0.1:1",
      ...over,
    })
    .returning();
  return row as ChannelRow;
}
