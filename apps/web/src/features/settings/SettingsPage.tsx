import { Tabs } from "@mantine/core";
import { useDocumentTitle } from "@mantine/hooks";
import {
  IconBuilding,
  IconEar,
  IconInboxOff,
  IconKey,
  IconPlugConnected,
  IconUsers,
  IconUsersGroup,
  type TablerIcon,
} from "@tabler/icons-react";
import type { ReactNode } from "react";
import { Navigate, Route, Routes, useLocation, useNavigate } from "react-router";
import { useCan } from "../../app/auth";
import { Page } from "../../ui/Page";
import { ApiKeysTab } from "./api-keys/ApiKeysTab";
import { ChannelsTab } from "./channels/ChannelsTab";
import { DeadLettersTab } from "./dead-letters/DeadLettersTab";
import { ListeningTab } from "./listening/ListeningTab";
import { TeamsTab } from "./teams/TeamsTab";
import { UsersTab } from "./users/UsersTab";
import { WorkspaceTab } from "./workspace/WorkspaceTab";

interface Section {
  path: string;
  label: string;
  Icon: TablerIcon;
  element: ReactNode;
}

export function SettingsPage() {
  const canManageKeys = useCan("api_keys:manage");
  const canReadListening = useCan("listening:read");
  const canReplay = useCan("dead_letters:manage");
  const { pathname } = useLocation();
  const navigate = useNavigate();
  useDocumentTitle("Settings · Parley");

  const sections: Section[] = [
    { path: "workspace", label: "Workspace", Icon: IconBuilding, element: <WorkspaceTab /> },
    { path: "users", label: "Users", Icon: IconUsers, element: <UsersTab /> },
    { path: "teams", label: "Teams", Icon: IconUsersGroup, element: <TeamsTab /> },
    { path: "channels", label: "Channels", Icon: IconPlugConnected, element: <ChannelsTab /> },
    ...(canReadListening
      ? [{ path: "listening", label: "Listening", Icon: IconEar, element: <ListeningTab /> }]
      : []),
    ...(canReplay
      ? [{ path: "dead-letters", label: "Dead letters", Icon: IconInboxOff, element: <DeadLettersTab /> }]
      : []),
    ...(canManageKeys
      ? [{ path: "api-keys", label: "API keys", Icon: IconKey, element: <ApiKeysTab /> }]
      : []),
  ];
  const current = pathname.split("/")[2] ?? "workspace";

  return (
    <Page title="Settings" description="Your workspace, the people in it and how other systems connect.">
      <Tabs value={current} onChange={(tab) => tab && navigate(`/settings/${tab}`)} mb="lg">
        <Tabs.List>
          {sections.map(({ path, label, Icon }) => (
            <Tabs.Tab key={path} value={path} leftSection={<Icon size={15} stroke={1.7} aria-hidden />}>
              {label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <Routes>
        <Route index element={<Navigate to="workspace" replace />} />
        {sections.map(({ path, element }) => (
          <Route key={path} path={path} element={element} />
        ))}
        <Route path="*" element={<Navigate to="/settings/workspace" replace />} />
      </Routes>
    </Page>
  );
}
