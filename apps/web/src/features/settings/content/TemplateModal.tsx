import {
  Alert,
  Button,
  Group,
  Modal,
  MultiSelect,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Tooltip,
  UnstyledButton,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { Channel, Template, TemplateKind } from "@parley/contracts";
import { IconAlertCircle } from "@tabler/icons-react";
import { useRef, useState } from "react";
import { ApiError, errorMessage } from "../../../app/api";
import { CHANNEL_OPTIONS } from "../../../ui/channels";
import classes from "./content.module.css";
import { useDeleteTemplate, useSaveTemplate } from "./queries";
import { insertVariable, previewParts, unknownVariables, VARIABLES } from "./template-preview";

export const KIND_LABELS: Record<TemplateKind, string> = {
  reply: "Reply",
  holding: "Holding message",
  acknowledgement: "Acknowledgement",
};

interface Draft {
  name: string;
  shortcut: string;
  body: string;
  category: string;
  language: string;
  kind: TemplateKind;
  channels: Channel[];
}

const draftOf = (t: Template | null): Draft => ({
  name: t?.name ?? "",
  shortcut: t?.shortcut ?? "",
  body: t?.body ?? "",
  category: t?.category ?? "",
  language: t?.language ?? "",
  kind: t?.kind ?? "reply",
  channels: t?.channels ?? [],
});

/** Write a template: its body with {{variables}} inserted from the list and previewed live. */
export function TemplateModal({ template, onClose }: { template: Template | null; onClose: () => void }) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(template));
  const body = useRef<HTMLTextAreaElement>(null);
  const save = useSaveTemplate();
  const remove = useDeleteTemplate();
  const errors = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  const unknown = unknownVariables(draft.body);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  const insert = (name: string) => {
    const el = body.current;
    const next = insertVariable(
      draft.body,
      el?.selectionStart ?? draft.body.length,
      el?.selectionEnd ?? draft.body.length,
      name,
    );
    set({ body: next.body });
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(next.caret, next.caret);
    });
  };

  const submit = () =>
    save.mutate(
      {
        id: template?.id ?? null,
        body: {
          name: draft.name.trim(),
          shortcut: draft.shortcut.trim() || null,
          body: draft.body,
          category: draft.category.trim() || null,
          language: draft.language.trim() || null,
          kind: draft.kind,
          channels: draft.channels,
        },
      },
      {
        onSuccess: (saved) => {
          notifications.show({ color: "teal", message: `Template “${saved.name}” saved` });
          onClose();
        },
      },
    );

  const del = () =>
    template &&
    remove.mutate(template.id, {
      onSuccess: () => {
        notifications.show({ color: "teal", message: `Template “${template.name}” deleted` });
        onClose();
      },
    });

  const failure = save.error ?? remove.error;
  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ "aria-label": "Close" }}
      title={template ? "Edit template" : "New template"}
      size={920}
    >
      <Stack gap="sm">
        {failure && Object.keys(errors).length === 0 ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={16} />}>
            {errorMessage(failure)}
          </Alert>
        ) : null}
        <SimpleGrid cols={3}>
          <TextInput
            label="Name"
            value={draft.name}
            onChange={(e) => set({ name: e.currentTarget.value })}
            error={errors.name}
            required
            data-autofocus
          />
          <TextInput
            label="Shortcut"
            description="Typed after / in the composer"
            leftSection={<Text size="sm">/</Text>}
            placeholder="refund"
            value={draft.shortcut}
            onChange={(e) => set({ shortcut: e.currentTarget.value.toLowerCase() })}
            error={errors.shortcut}
          />
          <Select
            label="Kind"
            description="Replies show in the / menu"
            data={Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label }))}
            value={draft.kind}
            onChange={(v) => v && set({ kind: v as TemplateKind })}
            allowDeselect={false}
            error={errors.kind}
          />
          <TextInput
            label="Category"
            placeholder="billing"
            value={draft.category}
            onChange={(e) => set({ category: e.currentTarget.value })}
            error={errors.category}
          />
          <TextInput
            label="Language"
            placeholder="en"
            value={draft.language}
            onChange={(e) => set({ language: e.currentTarget.value })}
            error={errors.language}
          />
          <MultiSelect
            label="Channels"
            placeholder={draft.channels.length ? undefined : "All channels"}
            data={CHANNEL_OPTIONS}
            value={draft.channels}
            onChange={(v) => set({ channels: v as Channel[] })}
            error={errors.channels}
          />
        </SimpleGrid>
        <SimpleGrid cols={2} spacing="md">
          <Stack gap={6}>
            <Textarea
              ref={body}
              label="Body"
              value={draft.body}
              onChange={(e) => set({ body: e.currentTarget.value })}
              error={
                errors.body ??
                (unknown.length
                  ? `Unknown variable${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}`
                  : undefined)
              }
              autosize
              minRows={8}
              maxRows={16}
              required
            />
            <Text size="xs" fw={600} c="dimmed">
              Insert a variable
            </Text>
            <Group gap={4}>
              {VARIABLES.map((v) => (
                <Tooltip key={v.name} label={v.doc} withinPortal openDelay={300}>
                  <UnstyledButton
                    className={classes.variable}
                    onClick={() => insert(v.name)}
                    aria-label={`Insert ${v.name}`}
                  >
                    {`{{${v.name}}}`}
                  </UnstyledButton>
                </Tooltip>
              ))}
            </Group>
          </Stack>
          <Stack gap={6}>
            <Text size="sm" fw={500}>
              Preview
            </Text>
            <Paper
              withBorder
              p="sm"
              radius="md"
              className={classes.preview}
              aria-label="Preview"
              role="region"
            >
              {draft.body ? (
                previewParts(draft.body).map((part, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: parts are positional
                  <span key={i} className={part.kind === "text" ? undefined : classes[part.kind]}>
                    {part.text}
                  </span>
                ))
              ) : (
                <Text size="sm" c="dimmed">
                  The reply appears here as a customer would read it.
                </Text>
              )}
            </Paper>
            <Text size="xs" c="dimmed">
              Filled with a sample conversation; highlighted parts come from variables. {draft.body.length}{" "}
              characters.
            </Text>
          </Stack>
        </SimpleGrid>
        <Group justify="space-between" mt="sm">
          <div>
            {template ? (
              <Button variant="subtle" color="red" onClick={del} loading={remove.isPending}>
                Delete template
              </Button>
            ) : null}
          </div>
          <Group gap="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button
              onClick={submit}
              loading={save.isPending}
              disabled={!draft.name.trim() || !draft.body.trim() || unknown.length > 0}
            >
              Save template
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}
