import { ActionIcon, Badge, CopyButton, Group, Table, Text, Tooltip } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { ChannelAccount } from "@parley/contracts";
import {
  IconCheck,
  IconCopy,
  IconPlayerPause,
  IconPlayerPlay,
  IconPlugConnectedX,
} from "@tabler/icons-react";
import { errorMessage } from "../../../app/api";
import { ChannelIcon } from "../../../ui/channels";
import { useSetChannelStatus } from "../queries";
import { ChannelHealth } from "./ChannelHealth";
import classes from "./channels.module.css";
import { displayHandle, isSandbox, shortUrl, webhookUrl } from "./health";

const STATUS: Record<ChannelAccount["status"], { label: string; color: string }> = {
  active: { label: "Active", color: "teal" },
  paused: { label: "Paused", color: "gray" },
  error: { label: "Error", color: "red" },
  disconnected: { label: "Disconnected", color: "gray" },
};

function Endpoints({ channel }: { channel: ChannelAccount }) {
  const url = webhookUrl(window.location.origin, channel);
  return (
    <div>
      <div className={classes.endpoint}>
        <span className={classes.endpointLabel}>Webhook</span>
        <span className={classes.url} title={url}>
          {shortUrl(url)}
        </span>
        <CopyButton value={url}>
          {({ copied, copy }) => (
            <Tooltip label={copied ? "Copied" : "Copy webhook URL"}>
              <ActionIcon
                size="sm"
                color={copied ? "teal" : "gray"}
                onClick={copy}
                aria-label={`Copy the webhook URL of ${channel.name}`}
              >
                {copied ? <IconCheck size={14} /> : <IconCopy size={14} stroke={1.7} />}
              </ActionIcon>
            </Tooltip>
          )}
        </CopyButton>
      </div>
      <div className={classes.endpoint}>
        <span className={classes.endpointLabel}>API</span>
        <span className={classes.url} title={channel.base_url}>
          {shortUrl(channel.base_url)}
        </span>
        {isSandbox(channel.base_url) ? (
          <Tooltip label="Talks to Parley's built-in emulator, not the real network">
            <Badge size="xs" color="yellow" variant="light">
              Sandbox
            </Badge>
          </Tooltip>
        ) : null}
      </div>
    </div>
  );
}

function RowActions({ channel, onDisconnect }: { channel: ChannelAccount; onDisconnect: () => void }) {
  const setStatus = useSetChannelStatus();
  const pausing = channel.status !== "paused";
  const verb = pausing ? "Pause" : "Resume";
  const toggle = () =>
    setStatus.mutate(
      { id: channel.id, status: pausing ? "paused" : "active" },
      {
        onSuccess: () =>
          notifications.show({
            color: "teal",
            message: pausing ? `${channel.name} paused` : `${channel.name} is listening again`,
          }),
        onError: (error) =>
          notifications.show({
            color: "red",
            title: `Could not ${verb.toLowerCase()}`,
            message: errorMessage(error),
          }),
      },
    );

  return (
    <Group gap={2} justify="flex-end" wrap="nowrap">
      <Tooltip label={pausing ? "Pause: stop listening and sending" : "Resume"}>
        <ActionIcon onClick={toggle} loading={setStatus.isPending} aria-label={`${verb} ${channel.name}`}>
          {pausing ? <IconPlayerPause size={16} stroke={1.7} /> : <IconPlayerPlay size={16} stroke={1.7} />}
        </ActionIcon>
      </Tooltip>
      <Tooltip label="Disconnect">
        <ActionIcon color="red" onClick={onDisconnect} aria-label={`Disconnect ${channel.name}`}>
          <IconPlugConnectedX size={16} stroke={1.7} />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}

interface ChannelRowProps {
  channel: ChannelAccount;
  fetchedAt: number;
  /** Given to admins only: shows the Pause/Resume and Disconnect buttons. */
  onDisconnect?: (() => void) | undefined;
}

export function ChannelRow({ channel, fetchedAt, onDisconnect }: ChannelRowProps) {
  const status = STATUS[channel.status];
  const handle = displayHandle(channel.handle);
  return (
    <Table.Tr className={classes.row} data-status={channel.status}>
      <Table.Td maw={240}>
        <Group gap="sm" wrap="nowrap" className={classes.identity}>
          <ChannelIcon channel={channel.network} size={32} />
          <div style={{ minWidth: 0 }}>
            <Text size="sm" fw={600} lh={1.3}>
              {channel.name}
            </Text>
            <Text size="xs" c="dimmed" truncate>
              {handle && handle !== channel.name ? handle : `ID ${channel.external_account_id}`}
            </Text>
          </div>
        </Group>
      </Table.Td>
      <Table.Td>
        <Badge color={status.color} variant="light">
          {status.label}
        </Badge>
      </Table.Td>
      <Table.Td>
        <ChannelHealth channel={channel} fetchedAt={fetchedAt} />
      </Table.Td>
      <Table.Td maw={340}>
        <Endpoints channel={channel} />
      </Table.Td>
      {onDisconnect ? (
        <Table.Td>
          <RowActions channel={channel} onDisconnect={onDisconnect} />
        </Table.Td>
      ) : null}
    </Table.Tr>
  );
}
