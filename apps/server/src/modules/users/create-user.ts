import type { Role } from "@parley/contracts";
import { and, eq } from "drizzle-orm";
import type { Queryable } from "../../platform/db";
import { memberships, users } from "../../platform/db/schema";
import { newId } from "../../platform/ids";
import { hashPassword } from "../../platform/secrets";
import { findUserByEmail } from "../auth/auth.repo";

export interface CreateUserInput {
  workspaceId: string;
  email: string;
  name: string;
  password: string;
  role: Role;
  capacity?: number;
  skills?: string[];
  languages?: string[];
}

export class AlreadyMemberError extends Error {}

/**
 * Adds a person to a workspace. A new email creates the user with this password; an email that
 * already has an account elsewhere just gains a membership (their password is left unchanged).
 */
export async function createUser(db: Queryable, input: CreateUserInput, now: Date) {
  let user = await findUserByEmail(db, input.email);
  if (user) {
    const [existing] = await db
      .select()
      .from(memberships)
      .where(and(eq(memberships.workspaceId, input.workspaceId), eq(memberships.userId, user.id)));
    if (existing) throw new AlreadyMemberError(`${input.email} is already a member of this workspace`);
  } else {
    const passwordHash = await hashPassword(input.password);
    [user] = await db
      .insert(users)
      .values({
        id: newId(),
        email: input.email,
        name: input.name,
        passwordHash,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
  }
  if (!user) throw new Error("insert returned nothing");
  await db.insert(memberships).values({
    workspaceId: input.workspaceId,
    userId: user.id,
    role: input.role,
    capacity: input.capacity ?? 10,
    skills: input.skills ?? [],
    languages: input.languages ?? [],
    createdAt: now,
  });
  return user;
}
