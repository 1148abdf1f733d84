import { Badge, Button, Tooltip } from "@mantine/core";
import type { Message } from "@parley/contracts";
import { IconBan, IconCircleCheck } from "@tabler/icons-react";
import { errorMessage } from "../../../app/api";
import { useCan } from "../../../app/auth";
import { useClassifySpam } from "../queries";
import { notify } from "./notify";

/**
 * "Spam" / "Not spam" on a customer message (SPEC T1). The filter learns from it, so the next
 * similar message is judged the agent's way; marking the first message also moves the conversation.
 */
export function SpamAction({ message: m }: { message: Message }) {
  const canClassify = useCan("messages:classify");
  const classify = useClassifySpam();
  const badge = m.is_spam ? (
    <Badge color="red" variant="light" size="xs">
      Spam
    </Badge>
  ) : null;
  if (!canClassify) return badge;
  const spam = !m.is_spam;
  const mark = () =>
    classify.mutate(
      { messageId: m.id, spam },
      {
        onSuccess: () =>
          notify({
            color: "teal",
            message: spam
              ? "Marked spam: similar messages will be filtered"
              : "Marked not spam: the filter learnt it",
          }),
        onError: (error) => notify({ color: "red", title: "Could not mark", message: errorMessage(error) }),
      },
    );
  return (
    <>
      {badge}
      <Tooltip
        label={spam ? "Mark as spam: the filter learns from it" : "Not spam: move it back to the inbox"}
      >
        <Button
          size="compact-xs"
          variant="subtle"
          color={spam ? "gray.7" : "teal.9"}
          leftSection={spam ? <IconBan size={12} aria-hidden /> : <IconCircleCheck size={12} aria-hidden />}
          loading={classify.isPending}
          onClick={mark}
          aria-label={`${spam ? "Mark as spam" : "Mark as not spam"}: message from ${m.author.name}`}
        >
          {spam ? "Spam" : "Not spam"}
        </Button>
      </Tooltip>
    </>
  );
}
