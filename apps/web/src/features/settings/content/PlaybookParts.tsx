import {
  ActionIcon,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import type { EscalationContact, PlaybookExample } from "@parley/contracts";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { BLANK_CONTACT, BLANK_EXAMPLE } from "./playbook-form";

const border = { borderColor: "var(--parley-border)" };

function replace<T>(rows: T[], i: number, patch: Partial<T>): T[] {
  return rows.map((r, j) => (j === i ? { ...r, ...patch } : r));
}

export function ExamplesEditor({
  examples,
  onChange,
  errors,
}: {
  examples: PlaybookExample[];
  onChange: (rows: PlaybookExample[]) => void;
  errors: Record<string, string>;
}) {
  return (
    <Stack gap={6}>
      <Text size="sm" fw={600}>
        Example responses
      </Text>
      {examples.map((e, i) => {
        const n = i + 1;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional
          <Paper key={i} withBorder p="sm" radius="md" style={border}>
            <Group gap="xs" align="flex-start" wrap="nowrap">
              <Stack gap={6} style={{ flex: 1 }}>
                <SimpleGrid cols={2} spacing="xs">
                  <TextInput
                    size="xs"
                    label="Title"
                    aria-label={`Example ${n} title`}
                    value={e.title}
                    onChange={(ev) => onChange(replace(examples, i, { title: ev.currentTarget.value }))}
                    error={errors[`examples.${i}.title`]}
                  />
                  <TextInput
                    size="xs"
                    label="Situation"
                    aria-label={`Example ${n} situation`}
                    value={e.situation}
                    onChange={(ev) => onChange(replace(examples, i, { situation: ev.currentTarget.value }))}
                    error={errors[`examples.${i}.situation`]}
                  />
                </SimpleGrid>
                <Textarea
                  size="xs"
                  label="Response"
                  aria-label={`Example ${n} response`}
                  value={e.response}
                  onChange={(ev) => onChange(replace(examples, i, { response: ev.currentTarget.value }))}
                  error={errors[`examples.${i}.response`]}
                  autosize
                  minRows={2}
                  maxRows={6}
                />
              </Stack>
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={`Remove example ${n}`}
                onClick={() => onChange(examples.filter((_, j) => j !== i))}
              >
                <IconTrash size={14} />
              </ActionIcon>
            </Group>
          </Paper>
        );
      })}
      <Group>
        <Button
          size="xs"
          variant="subtle"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() => onChange([...examples, { ...BLANK_EXAMPLE }])}
        >
          Add example
        </Button>
      </Group>
    </Stack>
  );
}

export function ContactsEditor({
  contacts,
  onChange,
  errors,
}: {
  contacts: EscalationContact[];
  onChange: (rows: EscalationContact[]) => void;
  errors: Record<string, string>;
}) {
  const field = (i: number, key: keyof EscalationContact, label: string, placeholder?: string) => (
    <TextInput
      size="xs"
      aria-label={`Contact ${i + 1} ${label}`}
      placeholder={placeholder ?? label}
      value={contacts[i]?.[key] ?? ""}
      onChange={(ev) => onChange(replace(contacts, i, { [key]: ev.currentTarget.value }))}
      error={errors[`escalation_contacts.${i}.${key}`]}
    />
  );
  return (
    <Stack gap={6}>
      <Text size="sm" fw={600}>
        Escalation contacts
      </Text>
      {contacts.map((_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional
        <Paper key={i} withBorder p="xs" radius="md" style={border}>
          <Group gap="xs" align="flex-start" wrap="nowrap">
            <Stack gap={6} style={{ flex: 1 }}>
              <SimpleGrid cols={5} spacing="xs">
                {field(i, "name", "name", "Name")}
                {field(i, "role", "role", "Role (PR lead)")}
                {field(i, "team", "team", "Team")}
                {field(i, "email", "email", "Email")}
                {field(i, "phone", "phone", "Phone")}
              </SimpleGrid>
              {field(i, "when", "when to call", "When to call on them")}
            </Stack>
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={`Remove contact ${i + 1}`}
              onClick={() => onChange(contacts.filter((_, j) => j !== i))}
            >
              <IconTrash size={14} />
            </ActionIcon>
          </Group>
        </Paper>
      ))}
      <Group>
        <Button
          size="xs"
          variant="subtle"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() => onChange([...contacts, { ...BLANK_CONTACT }])}
        >
          Add contact
        </Button>
      </Group>
    </Stack>
  );
}
