import { Button, Menu, ScrollArea, Text, TextInput } from "@mantine/core";
import type { Conversation, Team, User } from "@parley/contracts";
import {
  IconCheck,
  IconChevronDown,
  IconSearch,
  IconUserCheck,
  IconUserCircle,
  IconUsersGroup,
} from "@tabler/icons-react";
import { useState } from "react";
import { useCan, useCurrentMe } from "../../../app/auth";
import { UserAvatar } from "../../../ui/UserAvatar";
import type { ConversationChange } from "./queries";

interface AssignMenuProps {
  conversation: Conversation;
  users: User[];
  teams: Team[];
  opened: boolean;
  onOpenChange: (opened: boolean) => void;
  onChange: (change: ConversationChange) => void;
}

const matches = (q: string, ...words: string[]) => words.some((w) => w.toLowerCase().includes(q));

/** Assign to an agent or move to a team; people without conversations:assign may only take it themselves. */
export function AssignMenu({
  conversation: c,
  users,
  teams,
  opened,
  onOpenChange,
  onChange,
}: AssignMenuProps) {
  const me = useCurrentMe();
  const canAssign = useCan("conversations:assign");
  const [q, setQ] = useState("");
  const query = q.trim().toLowerCase();
  const assignee = users.find((u) => u.id === c.assignee_id);
  const people = (canAssign ? users : users.filter((u) => u.id === me.user?.id)).filter((u) =>
    matches(query, u.name, u.email),
  );
  const shownTeams = teams.filter((t) => matches(query, t.name));
  const team = teams.find((t) => t.id === c.team_id);

  return (
    <Menu
      opened={opened}
      onChange={onOpenChange}
      position="bottom-start"
      width={260}
      onClose={() => setQ("")}
    >
      <Menu.Target>
        <Button
          size="compact-sm"
          variant="default"
          // An icon, not initials: the button's name must contain all of its visible text.
          leftSection={
            assignee ? <IconUserCheck size={15} aria-hidden /> : <IconUserCircle size={15} aria-hidden />
          }
          rightSection={<IconChevronDown size={12} aria-hidden />}
          maw={240}
          aria-label={`Assignee: ${assignee?.name ?? "unassigned"}${team ? `, team ${team.name}` : ""}. Change assignment`}
        >
          {assignee ? assignee.name : "Unassigned"}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <TextInput
          size="xs"
          placeholder="Find a person or team"
          aria-label="Find a person or team"
          leftSection={<IconSearch size={13} aria-hidden />}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          mb={4}
          data-autofocus
        />
        <ScrollArea.Autosize mah={280}>
          {me.user && c.assignee_id !== me.user.id ? (
            <Menu.Item
              onClick={() => onChange({ assignee_id: me.user?.id ?? null })}
              leftSection={<UserAvatar name={me.user.name} size={18} />}
            >
              Assign to me
            </Menu.Item>
          ) : null}
          {c.assignee_id ? (
            <Menu.Item onClick={() => onChange({ assignee_id: null })}>Unassign</Menu.Item>
          ) : null}
          {people.length > 0 ? <Menu.Label>People</Menu.Label> : null}
          {people.map((u) => (
            <Menu.Item
              key={u.id}
              leftSection={<UserAvatar name={u.name} size={18} />}
              rightSection={u.id === c.assignee_id ? <IconCheck size={13} aria-hidden /> : null}
              onClick={() => onChange({ assignee_id: u.id })}
            >
              {u.name}
              <Text span size="xs" c="dimmed" ml={6}>
                {u.availability}
              </Text>
            </Menu.Item>
          ))}
          {shownTeams.length > 0 ? <Menu.Label>Teams</Menu.Label> : null}
          {shownTeams.map((t) => (
            <Menu.Item
              key={t.id}
              leftSection={<IconUsersGroup size={15} aria-hidden />}
              rightSection={t.id === c.team_id ? <IconCheck size={13} aria-hidden /> : null}
              onClick={() => onChange({ team_id: t.id })}
            >
              {t.name}
            </Menu.Item>
          ))}
        </ScrollArea.Autosize>
      </Menu.Dropdown>
    </Menu>
  );
}
