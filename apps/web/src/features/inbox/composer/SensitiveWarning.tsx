import { Alert, Button, Checkbox, Group, Text } from "@mantine/core";
import { IconShieldLock } from "@tabler/icons-react";
import { describeSensitive, type SensitiveKind } from "./sensitive";

interface SensitiveWarningProps {
  kinds: SensitiveKind[];
  /** Null when a private reply is possible; otherwise why not. */
  privateBlocked: string | null;
  allowPublic: boolean;
  onAllowPublic: (allow: boolean) => void;
  onMovePrivate: () => void;
}

/** SPEC T4: personal data in a public reply is visible to everyone; offer the private side first. */
export function SensitiveWarning({
  kinds,
  privateBlocked,
  allowPublic,
  onAllowPublic,
  onMovePrivate,
}: SensitiveWarningProps) {
  return (
    <Alert color="orange" variant="light" p="xs" icon={<IconShieldLock size={16} />} role="alert">
      <Text size="xs">
        This <b>public</b> reply contains {describeSensitive(kinds)}. Everyone on the network would see it.
      </Text>
      <Group gap="md" mt={6} wrap="wrap">
        <Button
          size="compact-xs"
          color="orange"
          onClick={onMovePrivate}
          disabled={privateBlocked !== null}
          title={privateBlocked ?? undefined}
        >
          Move to private
        </Button>
        <Checkbox
          size="xs"
          label="Post it publicly anyway (the customer asked for it)"
          checked={allowPublic}
          onChange={(e) => onAllowPublic(e.currentTarget.checked)}
        />
      </Group>
    </Alert>
  );
}
