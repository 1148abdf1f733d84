import {
  Alert,
  Button,
  Group,
  Modal,
  MultiSelect,
  SegmentedControl,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { Team } from "@parley/contracts";
import { IconAlertCircle } from "@tabler/icons-react";
import { useState } from "react";
import { ApiError, errorMessage } from "../../../app/api";
import { type TeamPatch, useUpdateTeam, useUsers } from "../queries";

export const ROUTING_LABELS: Record<Team["routing"], { label: string; hint: string }> = {
  round_robin: {
    label: "Round robin",
    hint: "Each new conversation goes to the next available member in turn.",
  },
  load_balanced: { label: "Load balanced", hint: "To the available member with the most spare capacity." },
  manual: { label: "Manual", hint: "Nobody is pushed work: agents pull from the queue or leads assign." },
};

/** A team's routing, skills, languages and members (SPEC W2). */
export function EditTeamModal({ team, onClose }: { team: Team; onClose: () => void }) {
  const [draft, setDraft] = useState<Required<TeamPatch>>({
    name: team.name,
    description: team.description,
    skills: team.skills,
    languages: team.languages,
    routing: team.routing,
    member_ids: team.member_ids,
  });
  const users = useUsers();
  const update = useUpdateTeam();
  const errors = update.error instanceof ApiError ? update.error.fieldErrors() : {};
  const set = (patch: TeamPatch) => setDraft((d) => ({ ...d, ...patch }));
  const submit = () =>
    update.mutate(
      { id: team.id, patch: { ...draft, name: draft.name.trim() } },
      {
        onSuccess: (t) => {
          notifications.show({ color: "teal", message: `Team ${t.name} saved` });
          onClose();
        },
      },
    );
  return (
    <Modal opened onClose={onClose} closeButtonProps={{ "aria-label": "Close" }} title="Edit team" size={560}>
      <Stack gap="sm">
        {update.isError && Object.keys(errors).length === 0 ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={16} />}>
            {errorMessage(update.error)}
          </Alert>
        ) : null}
        <TextInput
          label="Name"
          value={draft.name}
          onChange={(e) => set({ name: e.currentTarget.value })}
          error={errors.name}
          required
          data-autofocus
        />
        <Textarea
          label="Description"
          value={draft.description}
          onChange={(e) => set({ description: e.currentTarget.value })}
          error={errors.description}
          autosize
          minRows={2}
        />
        <div>
          <Text size="sm" fw={500} mb={4} id="routing-label">
            Routing
          </Text>
          <SegmentedControl
            aria-labelledby="routing-label"
            fullWidth
            value={draft.routing}
            onChange={(v) => set({ routing: v as Team["routing"] })}
            data={Object.entries(ROUTING_LABELS).map(([value, { label }]) => ({ value, label }))}
          />
          <Text size="xs" c="dimmed" mt={4}>
            {ROUTING_LABELS[draft.routing].hint}
          </Text>
        </div>
        <Group grow align="flex-start">
          <TagsInput
            label="Skills"
            placeholder="billing, Enter"
            value={draft.skills}
            onChange={(skills) => set({ skills })}
            error={errors.skills}
          />
          <TagsInput
            label="Languages"
            placeholder="en, Enter"
            value={draft.languages}
            onChange={(languages) => set({ languages })}
            error={errors.languages}
          />
        </Group>
        <MultiSelect
          label="Members"
          data={(users.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
          value={draft.member_ids}
          onChange={(member_ids) => set({ member_ids })}
          error={errors.member_ids}
          searchable
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={submit} loading={update.isPending} disabled={!draft.name.trim()}>
            Save team
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
