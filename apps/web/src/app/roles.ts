import type { Role } from "@parley/contracts";

const ROLE_LABELS: Record<Role, string> = {
  agent: "Agent",
  lead: "Team lead",
  approver: "Approver",
  admin: "Admin",
  analyst: "Analyst",
};

export const ROLE_OPTIONS = (Object.keys(ROLE_LABELS) as Role[]).map((value) => ({
  value,
  label: ROLE_LABELS[value],
}));

export function roleLabel(role: Role): string {
  return ROLE_LABELS[role];
}
