import type { EscalationContact, Playbook, PlaybookExample, UpdatePlaybookRequest } from "@parley/contracts";

/*
 * The playbook editor's draft and the PUT body made from it. The editor keeps blank rows while
 * someone types; saving drops lines left empty and turns empty optional fields into null.
 */

export interface PlaybookDraft {
  tone_of_voice: string;
  dos: string[];
  donts: string[];
  examples: PlaybookExample[];
  escalation_contacts: EscalationContact[];
}

export const BLANK_EXAMPLE: PlaybookExample = { title: "", situation: "", response: "" };
export const BLANK_CONTACT: EscalationContact = {
  name: "",
  role: "",
  team: null,
  email: null,
  phone: null,
  when: "",
};

export function draftOf(p: Playbook | undefined): PlaybookDraft {
  return {
    tone_of_voice: p?.tone_of_voice ?? "",
    dos: p?.dos ?? [],
    donts: p?.donts ?? [],
    examples: p?.examples ?? [],
    escalation_contacts: p?.escalation_contacts ?? [],
  };
}

const blank = (s: string | null) => !s || s.trim() === "";
const orNull = (s: string | null) => (blank(s) ? null : (s as string).trim());

export function toRequest(d: PlaybookDraft): UpdatePlaybookRequest {
  return {
    tone_of_voice: d.tone_of_voice.trim(),
    dos: d.dos.map((s) => s.trim()).filter(Boolean),
    donts: d.donts.map((s) => s.trim()).filter(Boolean),
    examples: d.examples
      .filter((e) => !(blank(e.title) && blank(e.situation) && blank(e.response)))
      .map((e) => ({ title: e.title.trim(), situation: e.situation.trim(), response: e.response.trim() })),
    escalation_contacts: d.escalation_contacts
      .filter((c) => !(blank(c.name) && blank(c.role) && blank(c.when) && blank(c.email) && blank(c.phone)))
      .map((c) => ({
        name: c.name.trim(),
        role: c.role.trim(),
        team: orNull(c.team),
        email: orNull(c.email),
        phone: orNull(c.phone),
        when: c.when.trim(),
      })),
  };
}

/**
 * Where a server error points once blank rows are dropped: `body.examples[1].title` names the
 * second *kept* example, which is the editor's row at this index.
 */
export function keptIndex<T>(rows: readonly T[], isBlank: (row: T) => boolean, kept: number): number {
  let seen = -1;
  for (const [i, row] of rows.entries()) {
    if (isBlank(row)) continue;
    seen++;
    if (seen === kept) return i;
  }
  return -1;
}

export const isBlankExample = (e: PlaybookExample) =>
  blank(e.title) && blank(e.situation) && blank(e.response);
export const isBlankContact = (c: EscalationContact) =>
  blank(c.name) && blank(c.role) && blank(c.when) && blank(c.email) && blank(c.phone);
