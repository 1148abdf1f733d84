import { Alert, Button, Group, Loader, Select, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { Workspace } from "@parley/contracts";
import { IconAlertCircle, IconLock } from "@tabler/icons-react";
import { type FormEvent, useMemo, useState } from "react";
import { ApiError, errorMessage } from "../../../app/api";
import { useCan } from "../../../app/auth";
import { formatFull } from "../../../ui/time";
import { useUpdateWorkspace, useWorkspace } from "../queries";
import { SettingsSection } from "../SettingsSection";

function timezones(current: string): string[] {
  const all = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return all.includes(current) ? all : [current, ...all];
}

function WorkspaceForm({ workspace, editable }: { workspace: Workspace; editable: boolean }) {
  const [name, setName] = useState(workspace.name);
  const [timezone, setTimezone] = useState(workspace.timezone);
  const zones = useMemo(() => timezones(workspace.timezone), [workspace.timezone]);
  const update = useUpdateWorkspace();
  const fieldErrors = update.error instanceof ApiError ? update.error.fieldErrors() : {};
  const dirty = name.trim() !== workspace.name || timezone !== workspace.timezone;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(
      { name: name.trim(), timezone },
      { onSuccess: () => notifications.show({ color: "teal", message: "Workspace settings saved" }) },
    );
  };

  return (
    <form onSubmit={submit}>
      <Stack gap="md" p="lg" maw={520}>
        {update.isError && !fieldErrors.name && !fieldErrors.timezone ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle size={16} />}>
            {errorMessage(update.error)}
          </Alert>
        ) : null}
        <TextInput
          label="Name"
          description="Shown in the header and on outbound emails."
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          readOnly={!editable}
          error={fieldErrors.name}
          required
        />
        <Select
          label="Time zone"
          description="Business hours, SLA deadlines and reports use this zone."
          data={zones}
          value={timezone}
          onChange={(value) => value && setTimezone(value)}
          searchable
          readOnly={!editable}
          error={fieldErrors.timezone}
          nothingFoundMessage="No such time zone"
          allowDeselect={false}
        />
        <TextInput
          label="Slug"
          description="Picks this workspace when signing in."
          value={workspace.slug}
          readOnly
          variant="filled"
        />
        <Text size="xs" c="dimmed">
          Created {formatFull(workspace.created_at)}
        </Text>
        {editable ? (
          <Group>
            <Button type="submit" loading={update.isPending} disabled={!dirty || !name.trim()}>
              Save changes
            </Button>
          </Group>
        ) : (
          <Group gap={6}>
            <IconLock size={14} color="var(--mantine-color-gray-5)" aria-hidden />
            <Text size="xs" c="dimmed">
              Only admins can change workspace settings.
            </Text>
          </Group>
        )}
      </Stack>
    </form>
  );
}

export function WorkspaceTab() {
  const workspace = useWorkspace();
  const editable = useCan("workspace:manage");
  return (
    <SettingsSection title="Workspace" description="The brand or organisation this desk serves.">
      {workspace.data ? (
        <WorkspaceForm key={workspace.data.id} workspace={workspace.data} editable={editable} />
      ) : workspace.isError ? (
        <Alert m="lg" color="red" variant="light" icon={<IconAlertCircle size={16} />}>
          {errorMessage(workspace.error)}
        </Alert>
      ) : (
        <Loader m="lg" size="sm" aria-label="Loading workspace" />
      )}
    </SettingsSection>
  );
}
