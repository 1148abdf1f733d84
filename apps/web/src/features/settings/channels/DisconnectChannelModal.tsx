import { Button, Group, Modal, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { ChannelAccount } from "@parley/contracts";
import { errorMessage } from "../../../app/api";
import { CHANNEL_META } from "../../../ui/channels";
import { useDisconnectChannel } from "../queries";

interface DisconnectChannelModalProps {
  channel: ChannelAccount | null;
  onClose: () => void;
}

export function DisconnectChannelModal({ channel, onClose }: DisconnectChannelModalProps) {
  const disconnect = useDisconnectChannel();
  const confirm = () => {
    if (!channel) return;
    disconnect.mutate(channel.id, {
      onSuccess: () => {
        notifications.show({ color: "teal", message: `${channel.name} disconnected` });
        onClose();
      },
      onError: (error) =>
        notifications.show({ color: "red", title: "Could not disconnect", message: errorMessage(error) }),
    });
  };
  const network = channel ? CHANNEL_META[channel.network].label : "";

  return (
    <Modal opened={channel !== null} onClose={onClose} title="Disconnect channel?" size="sm">
      <Text size="sm">
        Parley stops listening and replying on the {network} account <b>{channel?.name}</b>, and erases its
        credentials.
      </Text>
      <Text size="sm" c="dimmed" mt="xs">
        Its conversations and history stay. You can connect the account again with new credentials.
      </Text>
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button color="red" onClick={confirm} loading={disconnect.isPending}>
          Disconnect
        </Button>
      </Group>
    </Modal>
  );
}
