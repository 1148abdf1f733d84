import { Group, Text, Tooltip, UnstyledButton } from "@mantine/core";
import type { Conversation } from "@parley/contracts";
import { IconInfoCircle } from "@tabler/icons-react";
import { PriorityBadge } from "../../../ui/PriorityBadge";
import classes from "./conversation.module.css";

function Reasons({ conversation: c }: { conversation: Conversation }) {
  return (
    <div>
      <Group justify="space-between" gap="md" mb={4}>
        <Text size="xs" fw={700}>
          Why ranked here
        </Text>
        <Text size="xs" ff="monospace" opacity={0.7}>
          score {c.priority_score}/100
        </Text>
      </Group>
      {c.priority_reasons.length > 0 ? (
        <ul className={classes.reasons}>
          {c.priority_reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      ) : (
        <Text size="xs" opacity={0.8}>
          No ranking signals yet: it has the default priority.
        </Text>
      )}
    </div>
  );
}

/** The priority badge; hovering or focusing it tells why the conversation ranks where it does (SPEC T3). */
export function PriorityReasons({ conversation: c }: { conversation: Conversation }) {
  return (
    <Tooltip
      label={<Reasons conversation={c} />}
      multiline
      w={280}
      position="bottom-start"
      events={{ hover: true, focus: true, touch: true }}
    >
      <UnstyledButton
        className={classes.whyButton}
        aria-label={`Priority ${c.priority}. Why ranked here: ${c.priority_reasons.join("; ") || "no signals yet"}`}
      >
        <PriorityBadge priority={c.priority} />
        <IconInfoCircle size={14} stroke={1.8} aria-hidden />
      </UnstyledButton>
    </Tooltip>
  );
}
