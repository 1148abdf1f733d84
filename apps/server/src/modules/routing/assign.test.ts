import { describe, expect, it } from "vitest";
import { type Candidate, pick } from "./assign";

const member = (user_id: string, over: Partial<Candidate> = {}): Candidate => ({
  team_id: "t",
  user_id,
  routing: "round_robin",
  capacity: 5,
  languages: [],
  skills: [],
  load: 0,
  last_assigned_at: null,
  ...over,
});
const at = (iso: string) => new Date(iso);

describe("pick: who gets the next conversation of a team (SPEC W2)", () => {
  const cases: {
    name: string;
    members: Candidate[];
    language?: string;
    skill?: string;
    want: string | null;
  }[] = [
    { name: "nobody in the team", members: [], want: null },
    {
      name: "everyone full",
      members: [member("a", { load: 5 }), member("b", { load: 2, capacity: 2 })],
      want: null,
    },
    {
      name: "round robin: the one assigned longest ago",
      members: [
        member("a", { last_assigned_at: at("2026-01-01T10:00:00Z") }),
        member("b", { last_assigned_at: at("2026-01-01T09:00:00Z") }),
      ],
      want: "b",
    },
    {
      name: "round robin: never assigned goes first",
      members: [member("a", { last_assigned_at: at("2026-01-01T10:00:00Z") }), member("b")],
      want: "b",
    },
    {
      name: "round robin skips a full member",
      members: [member("a", { load: 5 }), member("b", { last_assigned_at: at("2026-01-01T10:00:00Z") })],
      want: "b",
    },
    {
      name: "load balanced: the lowest share of capacity",
      members: [
        member("a", { routing: "load_balanced", load: 2, capacity: 4 }),
        member("b", { routing: "load_balanced", load: 2, capacity: 10 }),
      ],
      want: "b",
    },
    {
      name: "load balanced: a tie goes to the one assigned longest ago",
      members: [
        member("a", { routing: "load_balanced", load: 1, last_assigned_at: at("2026-01-01T10:00:00Z") }),
        member("b", { routing: "load_balanced", load: 1, last_assigned_at: at("2026-01-01T08:00:00Z") }),
      ],
      want: "b",
    },
    {
      name: "language: members listing languages must list the conversation's",
      members: [
        member("a", { languages: ["fr"] }),
        member("b", { languages: ["es", "en"], last_assigned_at: at("2026-01-01T10:00:00Z") }),
      ],
      language: "es",
      want: "b",
    },
    {
      name: "language: a member listing none takes any",
      members: [member("a", { languages: ["fr"] }), member("b")],
      language: "de",
      want: "b",
    },
    {
      name: "language: nobody speaks it",
      members: [member("a", { languages: ["fr"] })],
      language: "de",
      want: null,
    },
    {
      name: "skill: members with it go first even if their turn is later",
      members: [
        member("a"),
        member("b", { skills: ["billing"], last_assigned_at: at("2026-01-01T10:00:00Z") }),
      ],
      skill: "billing",
      want: "b",
    },
    {
      name: "skill: nobody has it, anyone available takes it",
      members: [
        member("a", { skills: ["tech"] }),
        member("b", { last_assigned_at: at("2026-01-01T10:00:00Z") }),
      ],
      skill: "billing",
      want: "a",
    },
  ];
  it.each(cases)("$name", ({ members, language, skill, want }) => {
    expect(pick(members, { language: language ?? null, skill: skill ?? null })?.user_id ?? null).toBe(want);
  });
});
