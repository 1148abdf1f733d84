import {
  Alert,
  Button,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconAlertCircle } from "@tabler/icons-react";
import { useState } from "react";
import { ApiError, errorMessage } from "../../../app/api";
import { CHANNEL_OPTIONS } from "../../../ui/channels";
import { DurationInput } from "../DurationInput";
import { type BusinessHours, type SlaPolicy, type SlaPolicyInput, useSaveSlaPolicy } from "./queries";

const PRIORITIES = [
  { value: "urgent", label: "Urgent" },
  { value: "high", label: "High" },
  { value: "normal", label: "Normal" },
  { value: "low", label: "Low" },
];
const ANY = "__any__";

interface Props {
  policy: SlaPolicy | null;
  calendars: BusinessHours[];
  onClose: () => void;
}

const EMPTY: SlaPolicyInput = {
  name: "",
  enabled: true,
  channel: null,
  priority: null,
  first_response_seconds: 3600,
  next_response_seconds: null,
  resolution_seconds: null,
  business_hours_id: null,
};

/** An SLA policy: which conversations it covers, its three targets, and the hours they count in. */
export function PolicyModal({ policy, calendars, onClose }: Props) {
  const [draft, setDraft] = useState<SlaPolicyInput>(() => {
    if (!policy) return EMPTY;
    const { id: _i, position: _p, created_at: _c, updated_at: _u, ...rest } = policy;
    return rest;
  });
  const save = useSaveSlaPolicy();
  const errors = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  const set = (patch: Partial<SlaPolicyInput>) => setDraft((d) => ({ ...d, ...patch }));
  const submit = () =>
    save.mutate(
      { id: policy?.id ?? null, body: { ...draft, name: draft.name.trim() } },
      {
        onSuccess: (saved) => {
          notifications.show({ color: "teal", message: `SLA policy “${saved.name}” saved` });
          onClose();
        },
      },
    );
  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ "aria-label": "Close" }}
      title={policy ? "Edit SLA policy" : "New SLA policy"}
      size={600}
    >
      <Stack gap="sm">
        {save.isError && Object.keys(errors).length === 0 ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={16} />}>
            {errorMessage(save.error)}
          </Alert>
        ) : null}
        <Group align="flex-start">
          <TextInput
            label="Name"
            placeholder="Urgent on X"
            value={draft.name}
            onChange={(e) => set({ name: e.currentTarget.value })}
            error={errors.name}
            required
            style={{ flex: 1 }}
            data-autofocus
          />
          <Switch
            mt={28}
            label="Enabled"
            checked={draft.enabled}
            onChange={(e) => set({ enabled: e.currentTarget.checked })}
          />
        </Group>
        <Text size="sm" fw={600}>
          Applies to
        </Text>
        <SimpleGrid cols={2}>
          <Select
            label="Channel"
            data={[{ value: ANY, label: "Any channel" }, ...CHANNEL_OPTIONS]}
            value={draft.channel ?? ANY}
            onChange={(v) => set({ channel: !v || v === ANY ? null : v })}
            allowDeselect={false}
            error={errors.channel}
          />
          <Select
            label="Priority"
            data={[{ value: ANY, label: "Any priority" }, ...PRIORITIES]}
            value={draft.priority ?? ANY}
            onChange={(v) => set({ priority: !v || v === ANY ? null : v })}
            allowDeselect={false}
            error={errors.priority}
          />
        </SimpleGrid>
        <Text size="sm" fw={600} mt="xs">
          Targets
        </Text>
        <Text size="xs" c="dimmed" mt={-8}>
          In business time; leave a target empty for none. Agents are warned at 80% of each target.
        </Text>
        <SimpleGrid cols={3}>
          <DurationInput
            label="First response"
            value={draft.first_response_seconds}
            onChange={(s) => set({ first_response_seconds: s })}
            error={errors.first_response_seconds}
          />
          <DurationInput
            label="Next response"
            value={draft.next_response_seconds}
            onChange={(s) => set({ next_response_seconds: s })}
            error={errors.next_response_seconds}
          />
          <DurationInput
            label="Resolution"
            value={draft.resolution_seconds}
            onChange={(s) => set({ resolution_seconds: s })}
            error={errors.resolution_seconds}
          />
        </SimpleGrid>
        <Select
          label="Business hours"
          description="The clock the targets run on."
          data={[
            { value: ANY, label: "Workspace default" },
            ...calendars.map((c) => ({ value: c.id, label: c.always_open ? `${c.name} (24/7)` : c.name })),
          ]}
          value={draft.business_hours_id ?? ANY}
          onChange={(v) => set({ business_hours_id: !v || v === ANY ? null : v })}
          allowDeselect={false}
          error={errors.business_hours_id}
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={submit} loading={save.isPending} disabled={!draft.name.trim()}>
            Save policy
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
