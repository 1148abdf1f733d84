import { Button, Group, Modal, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import type { ListeningProfile } from "@parley/contracts";
import { errorMessage } from "../../../app/api";
import { useDeleteProfile } from "./queries";

export function DeleteProfileModal({
  profile,
  onClose,
}: {
  profile: ListeningProfile | null;
  onClose: () => void;
}) {
  const remove = useDeleteProfile();
  const confirm = () => {
    if (!profile) return;
    remove.mutate(profile.id, {
      onSuccess: () => {
        notifications.show({ color: "teal", message: `Profile ${profile.name} deleted` });
        onClose();
      },
      onError: (error) =>
        notifications.show({ color: "red", title: "Could not delete", message: errorMessage(error) }),
    });
  };

  return (
    <Modal opened={profile !== null} onClose={onClose} title="Delete listening profile?" size="sm">
      <Text size="sm">
        Messages matching <b>{profile?.name}</b> will no longer be tagged with it. Messages already tagged
        keep their tag. To pause it instead, switch it off.
      </Text>
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button color="red" onClick={confirm} loading={remove.isPending}>
          Delete profile
        </Button>
      </Group>
    </Modal>
  );
}
