import { Button, Group, Modal, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { ApiKey } from "@parley/contracts";
import { errorMessage } from "../../../app/api";
import { useRevokeApiKey } from "../queries";

export function RevokeApiKeyModal({ apiKey, onClose }: { apiKey: ApiKey | null; onClose: () => void }) {
  const revoke = useRevokeApiKey();
  const confirm = () => {
    if (!apiKey) return;
    revoke.mutate(apiKey.id, {
      onSuccess: () => {
        notifications.show({ color: "teal", message: `API key ${apiKey.name} revoked` });
        onClose();
      },
      onError: (error) =>
        notifications.show({ color: "red", title: "Could not revoke", message: errorMessage(error) }),
    });
  };

  return (
    <Modal opened={apiKey !== null} onClose={onClose} title="Revoke API key?" size="sm">
      <Text size="sm">
        Systems using <b>{apiKey?.name}</b> will get 401 answers from now on. This cannot be undone.
      </Text>
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button color="red" onClick={confirm} loading={revoke.isPending}>
          Revoke key
        </Button>
      </Group>
    </Modal>
  );
}
