import {
  Alert,
  Button,
  Code,
  CopyButton,
  Group,
  Modal,
  Select,
  Stack,
  Text,
  TextInput,
  Tooltip,
} from "@mantine/core";
import type { Role } from "@parley/contracts";
import { IconAlertCircle, IconCheck, IconCopy, IconShieldLock } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { ApiError, errorMessage } from "../../../app/api";
import { ROLE_OPTIONS } from "../../../app/roles";
import { useCreateApiKey } from "../queries";

function RevealedKey({ secret, onDone }: { secret: string; onDone: () => void }) {
  return (
    <Stack gap="sm">
      <Alert color="yellow" variant="light" icon={<IconShieldLock size={16} />}>
        Copy this key now. Parley stores only a hash of it, so it cannot show it again.
      </Alert>
      <Group gap={6} wrap="nowrap">
        <Code block style={{ flex: 1, wordBreak: "break-all" }} aria-label="New API key">
          {secret}
        </Code>
        <CopyButton value={secret}>
          {({ copied, copy }) => (
            <Tooltip label={copied ? "Copied" : "Copy"}>
              <Button
                variant={copied ? "light" : "default"}
                color={copied ? "teal" : undefined}
                onClick={copy}
                leftSection={
                  copied ? <IconCheck size={15} aria-hidden /> : <IconCopy size={15} aria-hidden />
                }
              >
                {copied ? "Copied" : "Copy"}
              </Button>
            </Tooltip>
          )}
        </CopyButton>
      </Group>
      <Text size="xs" c="dimmed">
        Send it as <Code>Authorization: Bearer &lt;key&gt;</Code>.
      </Text>
      <Group justify="flex-end" mt="xs">
        <Button onClick={onDone}>Done</Button>
      </Group>
    </Stack>
  );
}

export function CreateApiKeyModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const [name, setName] = useState("");
  const [role, setRole] = useState<Role>("analyst");
  const create = useCreateApiKey();
  const errors = create.error instanceof ApiError ? create.error.fieldErrors() : {};

  const close = () => {
    setName("");
    setRole("analyst");
    create.reset();
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ name: name.trim(), role });
  };

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={create.data ? "API key created" : "New API key"}
      closeOnClickOutside={!create.data}
    >
      {create.data ? (
        <RevealedKey secret={create.data.key} onDone={close} />
      ) : (
        <form onSubmit={submit}>
          <Stack gap="sm">
            {create.isError && Object.keys(errors).length === 0 ? (
              <Alert color="red" variant="light" icon={<IconAlertCircle size={16} />}>
                {errorMessage(create.error)}
              </Alert>
            ) : null}
            <TextInput
              label="Name"
              description="Which system uses it, e.g. Salesforce sync."
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={errors.name}
              required
              data-autofocus
            />
            <Select
              label="Role"
              description="The key can do what this role can do."
              data={ROLE_OPTIONS}
              value={role}
              onChange={(value) => value && setRole(value as Role)}
              error={errors.role}
              allowDeselect={false}
            />
            <Group justify="flex-end" mt="sm">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={create.isPending} disabled={!name.trim()}>
                Create key
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
