import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { Playbook } from "@parley/contracts";
import { IconAlertCircle, IconCheck, IconPlus, IconTrash, IconX } from "@tabler/icons-react";
import { useEffect, useState } from "react";
import { ApiError, errorMessage } from "../../../app/api";
import { useCan } from "../../../app/auth";
import { RelativeTime } from "../../../ui/RelativeTime";
import { parseIssuePath } from "../rules/rule-issues";
import { SettingsSection } from "../SettingsSection";
import { TableState } from "../TableState";
import classes from "./content.module.css";
import { ContactsEditor, ExamplesEditor } from "./PlaybookParts";
import {
  draftOf,
  isBlankContact,
  isBlankExample,
  keptIndex,
  type PlaybookDraft,
  toRequest,
} from "./playbook-form";
import { usePlaybook, useSavePlaybook } from "./queries";

/** Field errors as "dos.2", "examples.1.title": indexes of the editor's rows, blanks included. */
function rowErrors(error: unknown, draft: PlaybookDraft): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(error instanceof ApiError)) return out;
  for (const { field, message } of error.errors) {
    const [list, index, key] = parseIssuePath(field);
    let row = typeof index === "number" ? index : -1;
    if (list === "dos" || list === "donts") row = keptIndex(draft[list], (s) => !s.trim(), row);
    if (list === "examples") row = keptIndex(draft.examples, isBlankExample, row);
    if (list === "escalation_contacts") row = keptIndex(draft.escalation_contacts, isBlankContact, row);
    const k = [list, row >= 0 ? row : null, key].filter((p) => p !== null && p !== undefined).join(".");
    out[k] ??= message.charAt(0).toUpperCase() + message.slice(1);
  }
  return out;
}

function LinesEditor({
  label,
  lines,
  onChange,
  errors,
  prefix,
}: {
  label: string;
  lines: string[];
  onChange: (lines: string[]) => void;
  errors: Record<string, string>;
  prefix: string;
}) {
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      {lines.map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: lines are positional
        <Group key={i} gap={4} wrap="nowrap" align="flex-start">
          <TextInput
            size="xs"
            aria-label={`${label} ${i + 1}`}
            value={line}
            onChange={(e) => onChange(lines.map((l, j) => (j === i ? e.currentTarget.value : l)))}
            error={errors[`${prefix}.${i}`]}
            style={{ flex: 1 }}
          />
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label={`Remove ${label} ${i + 1}`}
            onClick={() => onChange(lines.filter((_, j) => j !== i))}
          >
            <IconTrash size={14} />
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button
          size="xs"
          variant="subtle"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() => onChange([...lines, ""])}
        >
          Add
        </Button>
      </Group>
    </Stack>
  );
}

function PlaybookEditor({ playbook }: { playbook: Playbook }) {
  const [draft, setDraft] = useState(() => draftOf(playbook));
  useEffect(() => setDraft(draftOf(playbook)), [playbook]);
  const save = useSavePlaybook();
  const errors = rowErrors(save.error, draft);
  const set = (patch: Partial<PlaybookDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const submit = () =>
    save.mutate(toRequest(draft), {
      onSuccess: () => notifications.show({ color: "teal", message: "Playbook saved" }),
    });
  return (
    <Stack gap="lg" p="lg">
      {save.isError && Object.keys(errors).length === 0 ? (
        <Alert color="red" variant="light" icon={<IconAlertCircle size={16} />}>
          {errorMessage(save.error)}
        </Alert>
      ) : null}
      <Textarea
        label="Tone of voice"
        description="How the brand sounds in every reply."
        value={draft.tone_of_voice}
        onChange={(e) => set({ tone_of_voice: e.currentTarget.value })}
        error={errors.tone_of_voice}
        autosize
        minRows={3}
        maxRows={10}
      />
      <SimpleGrid cols={2} spacing="lg">
        <LinesEditor
          label="Do"
          lines={draft.dos}
          onChange={(dos) => set({ dos })}
          errors={errors}
          prefix="dos"
        />
        <LinesEditor
          label="Don't"
          lines={draft.donts}
          onChange={(donts) => set({ donts })}
          errors={errors}
          prefix="donts"
        />
      </SimpleGrid>
      <ExamplesEditor examples={draft.examples} onChange={(examples) => set({ examples })} errors={errors} />
      <ContactsEditor
        contacts={draft.escalation_contacts}
        onChange={(c) => set({ escalation_contacts: c })}
        errors={errors}
      />
      <Group justify="space-between">
        <UpdatedBy playbook={playbook} />
        <Button onClick={submit} loading={save.isPending}>
          Save playbook
        </Button>
      </Group>
    </Stack>
  );
}

function UpdatedBy({ playbook }: { playbook: Playbook }) {
  if (!playbook.updated_at)
    return (
      <Text size="xs" c="dimmed">
        Not written yet.
      </Text>
    );
  return (
    <Group gap={4}>
      <Text size="xs" c="dimmed">
        Updated by {playbook.updated_by?.name ?? "someone"}
      </Text>
      <RelativeTime iso={playbook.updated_at} />
    </Group>
  );
}

/** What agents see: the same playbook, to read. */
function PlaybookView({ playbook }: { playbook: Playbook }) {
  const list = (items: string[], icon: React.ReactNode, color: string, title: string) => (
    <Stack gap={6}>
      <Text size="sm" fw={600}>
        {title}
      </Text>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          —
        </Text>
      ) : (
        items.map((s) => (
          <Group key={s} gap={6} wrap="nowrap" align="flex-start">
            <Text c={color} mt={1} aria-hidden>
              {icon}
            </Text>
            <Text size="sm">{s}</Text>
          </Group>
        ))
      )}
    </Stack>
  );
  return (
    <Stack gap="lg" p="lg">
      <div>
        <Text size="sm" fw={600} mb={4}>
          Tone of voice
        </Text>
        <Text size="sm" style={{ whiteSpace: "pre-wrap" }} c={playbook.tone_of_voice ? undefined : "dimmed"}>
          {playbook.tone_of_voice || "No guidance yet."}
        </Text>
      </div>
      <SimpleGrid cols={2} spacing="lg">
        {list(playbook.dos, <IconCheck size={14} />, "teal", "Do")}
        {list(playbook.donts, <IconX size={14} />, "red", "Don't")}
      </SimpleGrid>
      <Stack gap={6}>
        <Text size="sm" fw={600}>
          Example responses
        </Text>
        {playbook.examples.map((e) => (
          <Paper key={e.title} withBorder p="sm" radius="md" style={{ borderColor: "var(--parley-border)" }}>
            <Text size="sm" fw={600}>
              {e.title}
            </Text>
            <Text size="xs" c="dimmed" mb={4}>
              {e.situation}
            </Text>
            <Text size="sm" className={classes.preview} p="xs" style={{ minHeight: 0, borderRadius: 6 }}>
              {e.response}
            </Text>
          </Paper>
        ))}
      </Stack>
      <Stack gap={6}>
        <Text size="sm" fw={600}>
          Escalation contacts
        </Text>
        {playbook.escalation_contacts.map((c) => (
          <Group key={`${c.name}-${c.role}`} gap="sm" wrap="nowrap" align="flex-start">
            <div style={{ minWidth: 180 }}>
              <Text size="sm" fw={600}>
                {c.name}
              </Text>
              <Text size="xs" c="dimmed">
                {c.role}
                {c.team ? ` · ${c.team}` : ""}
              </Text>
            </div>
            <Text size="sm" style={{ flex: 1 }}>
              {c.when}
            </Text>
            <Group gap={4}>
              {c.email ? (
                <Badge variant="default" tt="none">
                  {c.email}
                </Badge>
              ) : null}
              {c.phone ? (
                <Badge variant="default" tt="none">
                  {c.phone}
                </Badge>
              ) : null}
            </Group>
          </Group>
        ))}
      </Stack>
      <UpdatedBy playbook={playbook} />
    </Stack>
  );
}

/** The playbook (SPEC A4): admins edit it; everyone who answers customers reads it. */
export function PlaybookTab() {
  const playbook = usePlaybook();
  const canEdit = useCan("templates:manage");
  return (
    <SettingsSection
      title="Playbook"
      description={
        canEdit ? "One voice for every agent: found with / in the composer." : "How we answer: read-only."
      }
    >
      <TableState isPending={playbook.isPending} error={playbook.error}>
        {playbook.data ? (
          canEdit ? (
            <PlaybookEditor playbook={playbook.data} />
          ) : (
            <PlaybookView playbook={playbook.data} />
          )
        ) : null}
      </TableState>
    </SettingsSection>
  );
}
