import { Alert, Center, Loader } from "@mantine/core";
import { IconAlertCircle, IconMessageQuestion } from "@tabler/icons-react";
import { useLocation, useNavigate, useParams } from "react-router";
import { errorMessage, isApiError } from "../../../app/api";
import { EmptyState } from "../../../ui/EmptyState";
import { useConversation, useUsersById } from "../queries";
import { ConversationHeader } from "./ConversationHeader";
import { MessageTimeline } from "./MessageTimeline";

export function ConversationPane() {
  const { conversationId = "" } = useParams();
  const conversation = useConversation(conversationId);
  const users = useUsersById();
  const navigate = useNavigate();
  const { search } = useLocation();
  const close = () => navigate({ pathname: "/inbox", search });

  if (conversation.isPending) {
    return (
      <Center h="100%">
        <Loader size="sm" aria-label="Loading conversation" />
      </Center>
    );
  }
  if (isApiError(conversation.error, 404) || isApiError(conversation.error, 400)) {
    return (
      <EmptyState
        icon={<IconMessageQuestion size={22} stroke={1.6} />}
        title="Conversation not found"
        description="It may have been merged, erased, or belong to another workspace."
      />
    );
  }
  if (!conversation.data) {
    return (
      <Alert m="lg" color="red" variant="light" icon={<IconAlertCircle size={16} />} title="Could not load">
        {errorMessage(conversation.error)}
      </Alert>
    );
  }

  const c = conversation.data;
  return (
    <>
      <ConversationHeader
        conversation={c}
        assignee={c.assignee_id ? users.get(c.assignee_id) : undefined}
        onClose={close}
      />
      <MessageTimeline key={c.id} conversationId={c.id} />
    </>
  );
}
