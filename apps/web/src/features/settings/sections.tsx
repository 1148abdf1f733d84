import type { Permission } from "@parley/contracts";
import {
  IconBook2,
  IconBuilding,
  IconClockHour4,
  IconEar,
  IconInboxOff,
  IconKey,
  IconMessageChatbot,
  IconMoodSmile,
  IconPlugConnected,
  IconRoute,
  IconTemplate,
  IconUsers,
  IconUsersGroup,
  type TablerIcon,
} from "@tabler/icons-react";
import { lazy, type ReactNode } from "react";
import { ApiKeysTab } from "./api-keys/ApiKeysTab";
import { ChannelsTab } from "./channels/ChannelsTab";
import { DeadLettersTab } from "./dead-letters/DeadLettersTab";
import { ListeningTab } from "./listening/ListeningTab";
import { TeamsTab } from "./teams/TeamsTab";
import { UsersTab } from "./users/UsersTab";
import { WorkspaceTab } from "./workspace/WorkspaceTab";

// The rule builder reads the rules package's field catalogue (which brings zod): load it on demand.
const RulesTab = lazy(() => import("./rules/RulesTab").then((m) => ({ default: m.RulesTab })));
const SlaTab = lazy(() => import("./sla/SlaTab").then((m) => ({ default: m.SlaTab })));
const SurveysTab = lazy(() => import("./surveys/SurveysTab").then((m) => ({ default: m.SurveysTab })));
const TemplatesTab = lazy(() => import("./content/TemplatesTab").then((m) => ({ default: m.TemplatesTab })));
const KnowledgeTab = lazy(() => import("./content/KnowledgeTab").then((m) => ({ default: m.KnowledgeTab })));
const PlaybookTab = lazy(() => import("./content/PlaybookTab").then((m) => ({ default: m.PlaybookTab })));

export interface SettingsSectionDef {
  path: string;
  label: string;
  group: "Workspace" | "Workflow" | "Content" | "Integrations";
  Icon: TablerIcon;
  /** Seeing the section needs this; changing things inside it may need more (checked there). */
  permission: Permission;
  element: ReactNode;
}

/** Every settings screen, in menu order. */
export const SETTINGS_SECTIONS: SettingsSectionDef[] = [
  {
    path: "workspace",
    label: "General",
    group: "Workspace",
    Icon: IconBuilding,
    permission: "conversations:read",
    element: <WorkspaceTab />,
  },
  {
    path: "users",
    label: "Users",
    group: "Workspace",
    Icon: IconUsers,
    permission: "users:read",
    element: <UsersTab />,
  },
  {
    path: "teams",
    label: "Teams",
    group: "Workspace",
    Icon: IconUsersGroup,
    permission: "teams:read",
    element: <TeamsTab />,
  },
  {
    path: "rules",
    label: "Rules",
    group: "Workflow",
    Icon: IconRoute,
    permission: "conversations:read",
    element: <RulesTab />,
  },
  {
    path: "sla",
    label: "SLA & hours",
    group: "Workflow",
    Icon: IconClockHour4,
    permission: "conversations:read",
    element: <SlaTab />,
  },
  {
    path: "surveys",
    label: "Surveys",
    group: "Workflow",
    Icon: IconMoodSmile,
    permission: "conversations:read",
    element: <SurveysTab />,
  },
  {
    path: "templates",
    label: "Templates",
    group: "Content",
    Icon: IconTemplate,
    permission: "conversations:read",
    element: <TemplatesTab />,
  },
  {
    path: "knowledge",
    label: "Knowledge base",
    group: "Content",
    Icon: IconBook2,
    permission: "conversations:read",
    element: <KnowledgeTab />,
  },
  {
    path: "playbook",
    label: "Playbook",
    group: "Content",
    Icon: IconMessageChatbot,
    permission: "conversations:read",
    element: <PlaybookTab />,
  },
  {
    path: "channels",
    label: "Channels",
    group: "Integrations",
    Icon: IconPlugConnected,
    permission: "conversations:read",
    element: <ChannelsTab />,
  },
  {
    path: "listening",
    label: "Listening",
    group: "Integrations",
    Icon: IconEar,
    permission: "listening:read",
    element: <ListeningTab />,
  },
  {
    path: "dead-letters",
    label: "Dead letters",
    group: "Integrations",
    Icon: IconInboxOff,
    permission: "dead_letters:manage",
    element: <DeadLettersTab />,
  },
  {
    path: "api-keys",
    label: "API keys",
    group: "Integrations",
    Icon: IconKey,
    permission: "api_keys:manage",
    element: <ApiKeysTab />,
  },
];
