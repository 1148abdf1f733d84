import {
  Alert,
  Button,
  Divider,
  Group,
  Modal,
  PasswordInput,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconAlertCircle, IconLock } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { ApiError, errorMessage } from "../../../app/api";
import { CHANNEL_META, ChannelIcon } from "../../../ui/channels";
import { type NewChannel, useConnectChannel } from "../queries";
import { CONNECTABLE, type ConnectableNetwork, connectErrors, NETWORK_FORM } from "./networks";

interface Form {
  network: ConnectableNetwork;
  name: string;
  handle: string;
  external_account_id: string;
  base_url: string;
  credentials: Record<string, string>;
}

const EMPTY: Form = {
  network: "x",
  name: "",
  handle: "",
  external_account_id: "",
  base_url: "",
  credentials: {},
};

const NETWORK_OPTIONS = CONNECTABLE.map((network) => ({
  value: network,
  label: (
    <Group gap={6} wrap="nowrap" justify="center">
      <ChannelIcon channel={network} size={18} decorative />
      <span>{CHANNEL_META[network].label}</span>
    </Group>
  ),
}));

/** The request body: trimmed, optional fields left out when empty, only this network's secrets. */
function toRequest(form: Form): NewChannel {
  const handle = form.handle.trim().replace(/^@/, "");
  const baseUrl = form.base_url.trim();
  return {
    network: form.network,
    name: form.name.trim(),
    external_account_id: form.external_account_id.trim(),
    ...(handle ? { handle } : {}),
    ...(baseUrl ? { base_url: baseUrl } : {}),
    credentials: Object.fromEntries(
      NETWORK_FORM[form.network].credentials.map(({ key }) => [key, form.credentials[key]?.trim() ?? ""]),
    ),
  };
}

export function ConnectChannelModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const [form, setForm] = useState<Form>(EMPTY);
  const connect = useConnectChannel();
  const spec = NETWORK_FORM[form.network];
  const errors = connectErrors(connect.error instanceof ApiError ? connect.error.errors : []);
  const shown = new Set(["name", "handle", "external_account_id", "base_url"]);
  const unshown =
    Object.keys(errors.fields).some((field) => !shown.has(field)) ||
    Object.keys(errors.credentials).some((key) => !spec.credentials.some((c) => c.key === key));
  const set = (patch: Partial<Form>) => setForm((prev) => ({ ...prev, ...patch }));
  const setSecret = (key: string, value: string) =>
    setForm((prev) => ({ ...prev, credentials: { ...prev.credentials, [key]: value } }));

  const close = () => {
    setForm(EMPTY);
    connect.reset();
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    connect.mutate(toRequest(form), {
      onSuccess: (channel) => {
        notifications.show({
          color: "teal",
          title: `${channel.name} connected`,
          message: "Copy its webhook URL from the list into the network's app settings.",
        });
        close();
      },
    });
  };

  const hasFieldErrors = Object.keys(errors.fields).length + Object.keys(errors.credentials).length > 0;
  return (
    <Modal opened={opened} onClose={close} title="Connect a channel" size={560}>
      <form onSubmit={submit}>
        <Stack gap="sm">
          {connect.isError && (!hasFieldErrors || unshown) ? (
            <Alert color="red" variant="light" icon={<IconAlertCircle size={16} />}>
              {errorMessage(connect.error)}
            </Alert>
          ) : null}
          <SegmentedControl
            aria-label="Network"
            fullWidth
            data={NETWORK_OPTIONS}
            value={form.network}
            onChange={(value) => {
              set({ network: value as ConnectableNetwork, credentials: {} });
              connect.reset();
            }}
          />
          <SimpleGrid cols={2} spacing="sm">
            <TextInput
              label="Name"
              placeholder="Acme Support"
              value={form.name}
              onChange={(e) => set({ name: e.currentTarget.value })}
              error={errors.fields.name}
              required
              data-autofocus
            />
            <TextInput
              label="Handle"
              placeholder="acmesupport"
              leftSection={
                <Text size="sm" c="dimmed" aria-hidden>
                  @
                </Text>
              }
              value={form.handle}
              onChange={(e) => set({ handle: e.currentTarget.value })}
              error={errors.fields.handle}
            />
            <TextInput
              label={spec.accountIdLabel}
              value={form.external_account_id}
              onChange={(e) => set({ external_account_id: e.currentTarget.value })}
              error={errors.fields.external_account_id}
              required
            />
            <TextInput
              label="API base URL"
              type="url"
              placeholder={spec.baseUrl}
              value={form.base_url}
              onChange={(e) => set({ base_url: e.currentTarget.value })}
              error={errors.fields.base_url}
            />
          </SimpleGrid>
          <Divider
            mt="xs"
            labelPosition="left"
            label={
              <Group gap={5}>
                <IconLock size={13} aria-hidden />
                {CHANNEL_META[form.network].label} credentials · encrypted, never shown again
              </Group>
            }
          />
          {spec.credentials.map(({ key, label, description }) => (
            <PasswordInput
              key={`${form.network}.${key}`}
              label={label}
              description={description}
              value={form.credentials[key] ?? ""}
              onChange={(e) => setSecret(key, e.currentTarget.value)}
              error={errors.credentials[key]}
              autoComplete="off"
              required
            />
          ))}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={connect.isPending}>
              Connect {CHANNEL_META[form.network].label}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
