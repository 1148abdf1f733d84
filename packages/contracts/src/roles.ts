import { z } from "zod";

export const ROLES = ["agent", "lead", "approver", "admin", "analyst"] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const PERMISSIONS = [
  "conversations:read",
  "conversations:update",
  "conversations:assign",
  "conversations:reply",
  "messages:classify",
  "contacts:read",
  "contacts:update",
  "users:read",
  "users:manage",
  "teams:read",
  "teams:manage",
  "workspace:manage",
  "api_keys:manage",
  "channels:manage",
  "listening:read",
  "listening:manage",
  "dead_letters:manage",
  "rules:manage",
  "templates:manage",
  "approvals:decide",
  "reports:read",
  "supervisor:read",
  "audit:read",
] as const;
export const Permission = z.enum(PERMISSIONS);
export type Permission = z.infer<typeof Permission>;

const AGENT: Permission[] = [
  "conversations:read",
  "conversations:update",
  "conversations:reply",
  "messages:classify",
  "contacts:read",
  "contacts:update",
  "users:read",
  "teams:read",
  "listening:read",
];

/**
 * What each role may do. Leads supervise (assign anyone, see reports and the live supervisor view,
 * `supervisor:read`); approvers also decide on replies waiting for approval; analysts read
 * everything (the supervisor view too) and change nothing; admins configure.
 * Whoever may answer a customer may also correct the spam filter (`messages:classify`): they are
 * the ones who see its mistakes. Leads tune listening profiles; only admins replay dead letters.
 */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  agent: AGENT,
  lead: [
    ...AGENT,
    "conversations:assign",
    "reports:read",
    "supervisor:read",
    "approvals:decide",
    "listening:manage",
  ],
  approver: [...AGENT, "approvals:decide"],
  analyst: [
    "conversations:read",
    "contacts:read",
    "users:read",
    "teams:read",
    "reports:read",
    "supervisor:read",
    "listening:read",
  ],
  admin: PERMISSIONS,
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
