import { ActionIcon, Alert, Center, Loader, Tooltip } from "@mantine/core";
import { useLocalStorage } from "@mantine/hooks";
import type { Conversation, Message } from "@parley/contracts";
import { IconAlertCircle, IconLayoutSidebarRight, IconMessageQuestion } from "@tabler/icons-react";
import { useMemo, useRef, useState } from "react";
import { useLocation, useNavigate, useParams } from "react-router";
import { errorMessage, isApiError } from "../../../app/api";
import { inOverlay, shortcutScope, useShortcuts } from "../../../app/shortcuts";
import { EmptyState } from "../../../ui/EmptyState";
import { CustomerPanel } from "../../customer/CustomerPanel";
import { PanelBoundary } from "../../customer/PanelBoundary";
import { Composer, type ComposerHandle } from "../composer/Composer";
import { useViewPresence } from "../composer/presence";
import { useConversation, useMessages, useTeamsList, useUsers } from "../queries";
import { ActivityZone } from "./ActivityZone";
import { ConversationActions } from "./ConversationActions";
import { ConversationHeader } from "./ConversationHeader";
import classes from "./conversation.module.css";
import { EscalateModal } from "./EscalateModal";
import { MessageTimeline } from "./MessageTimeline";
import { notify } from "./notify";
import { TypingIndicator } from "./PresenceBar";
import { useResolveConversation } from "./queries";
import type { Names } from "./timeline";
import { ActivityContext, useActivityHeartbeat } from "./useActivityHeartbeat";

export function ConversationPane() {
  const { conversationId = "" } = useParams();
  const conversation = useConversation(conversationId);
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
  return <OpenConversation key={conversation.data.id} conversation={conversation.data} onClose={close} />;
}

/** The open conversation: header and actions, the timeline, the composer, and the customer beside them. */
function OpenConversation({ conversation: c, onClose }: { conversation: Conversation; onClose: () => void }) {
  useViewPresence(c.id);
  const activity = useActivityHeartbeat(c.id);
  const messages = useMessages(c.id);
  const items = useMemo<Message[]>(() => messages.data?.pages.flatMap((p) => p.items) ?? [], [messages.data]);
  const users = useUsers().data?.items ?? [];
  const teams = useTeamsList().data?.items ?? [];
  const names = useMemo<Names>(() => {
    const u = new Map(users.map((x) => [x.id, x.name]));
    const t = new Map(teams.map((x) => [x.id, x.name]));
    return { user: (id) => u.get(id), team: (id) => t.get(id) };
  }, [users, teams]);
  const composer = useRef<ComposerHandle>(null);
  const [assignOpen, setAssignOpen] = useState(false);
  const [escalating, setEscalating] = useState(false);
  const [showCustomer, setShowCustomer] = useLocalStorage({
    key: "parley.customer-panel",
    defaultValue: typeof window === "undefined" || window.innerWidth >= 1500,
    getInitialValueInEffect: false,
  });
  const resolve = useResolveConversation(c.id);

  useShortcuts(
    {
      r: () => composer.current?.focus("public"),
      p: () => composer.current?.focus("private"),
      n: () => composer.current?.focus("note"),
      "/": () => composer.current?.openSlash(),
      a: () => setAssignOpen(true),
      e: () =>
        resolve.mutate(undefined, {
          onSuccess: () => notify({ color: "teal", message: "Resolved" }),
          onError: (e) => notify({ color: "red", title: "Could not resolve", message: errorMessage(e) }),
        }),
    },
    (event) => !inOverlay(event.target) && shortcutScope(document.activeElement, true) === "conversation",
  );

  return (
    <ActivityContext.Provider value={activity}>
      <div
        className={classes.layout}
        data-customer={showCustomer || undefined}
        data-shortcut-scope="conversation"
      >
        <div className={classes.main}>
          <ConversationHeader
            conversation={c}
            teamName={c.team_id ? names.team(c.team_id) : undefined}
            onClose={onClose}
            tools={
              <Tooltip label={showCustomer ? "Hide the customer panel" : "Show the customer panel"}>
                <ActionIcon
                  aria-label="Customer panel"
                  aria-pressed={showCustomer}
                  variant={showCustomer ? "light" : "subtle"}
                  onClick={() => setShowCustomer((v) => !v)}
                >
                  <IconLayoutSidebarRight size={16} />
                </ActionIcon>
              </Tooltip>
            }
            actions={
              <ActivityZone kind="tagging">
                <ConversationActions
                  conversation={c}
                  messages={items}
                  users={users}
                  teams={teams}
                  assignOpen={assignOpen}
                  onAssignOpen={setAssignOpen}
                  onEscalate={() => setEscalating(true)}
                />
              </ActivityZone>
            }
          />
          <MessageTimeline conversationId={c.id} messages={messages} items={items} names={names} />
          <TypingIndicator conversationId={c.id} />
          <ActivityZone kind="typing">
            <Composer
              ref={composer}
              conversation={c}
              messages={items}
              messagesLoaded={messages.data !== undefined}
            />
          </ActivityZone>
        </div>
        {showCustomer ? (
          <PanelBoundary resetKey={c.contact_id}>
            <ActivityZone kind="lookup">
              <CustomerPanel contactId={c.contact_id} conversationId={c.id} />
            </ActivityZone>
          </PanelBoundary>
        ) : null}
        <EscalateModal
          conversationId={c.id}
          teams={teams}
          opened={escalating}
          onClose={() => setEscalating(false)}
        />
      </div>
    </ActivityContext.Provider>
  );
}
