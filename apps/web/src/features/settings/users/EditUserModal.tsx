import {
  Alert,
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  Slider,
  Stack,
  TagsInput,
  Text,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { Role, User } from "@parley/contracts";
import { IconAlertCircle } from "@tabler/icons-react";
import { useState } from "react";
import { ApiError, errorMessage } from "../../../app/api";
import { ROLE_OPTIONS } from "../../../app/roles";
import { type UserPatch, useUpdateUser } from "../queries";

/** A member's role, routing capacity, skills and approval spot-check share (SPEC W2, W5). */
export function EditUserModal({ user, onClose }: { user: User; onClose: () => void }) {
  const [draft, setDraft] = useState<Required<UserPatch>>({
    name: user.name,
    role: user.role,
    capacity: user.capacity,
    skills: user.skills,
    languages: user.languages,
    approval_sample_percent: user.approval_sample_percent,
  });
  const update = useUpdateUser();
  const errors = update.error instanceof ApiError ? update.error.fieldErrors() : {};
  const set = (patch: UserPatch) => setDraft((d) => ({ ...d, ...patch }));
  const submit = () =>
    update.mutate(
      { id: user.id, patch: { ...draft, name: draft.name.trim() } },
      {
        onSuccess: (u) => {
          notifications.show({ color: "teal", message: `${u.name} saved` });
          onClose();
        },
      },
    );
  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ "aria-label": "Close" }}
      title={`Edit ${user.name}`}
      size={520}
    >
      <Stack gap="sm">
        {update.isError && Object.keys(errors).length === 0 ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={16} />}>
            {errorMessage(update.error)}
          </Alert>
        ) : null}
        <Group grow align="flex-start">
          <TextInput
            label="Name"
            value={draft.name}
            onChange={(e) => set({ name: e.currentTarget.value })}
            error={errors.name}
            required
            data-autofocus
          />
          <Select
            label="Role"
            data={ROLE_OPTIONS}
            value={draft.role}
            onChange={(v) => v && set({ role: v as Role })}
            allowDeselect={false}
            error={errors.role}
          />
        </Group>
        <NumberInput
          label="Capacity"
          description="Open conversations routing may push to them at once (0: none)."
          min={0}
          max={100}
          value={draft.capacity}
          onChange={(v) => set({ capacity: typeof v === "number" ? v : 0 })}
          error={errors.capacity}
          w={240}
        />
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
        <div>
          <Text size="sm" fw={500} id="sample-label">
            Approval spot-check: {draft.approval_sample_percent}% of replies
          </Text>
          <Text size="xs" c="dimmed" mb={8}>
            This share of their replies waits for an approver before it is sent.
          </Text>
          <Slider
            thumbLabel="Approval spot-check percent"
            min={0}
            max={100}
            step={5}
            value={draft.approval_sample_percent}
            onChange={(v) => set({ approval_sample_percent: v })}
            marks={[{ value: 0 }, { value: 20 }, { value: 50 }, { value: 100 }]}
            label={(v) => `${v}%`}
          />
          {errors.approval_sample_percent ? (
            <Text size="xs" c="red" mt={4}>
              {errors.approval_sample_percent}
            </Text>
          ) : null}
        </div>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={submit} loading={update.isPending} disabled={!draft.name.trim()}>
            Save
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
