import { AppShell, Group, Text } from "@mantine/core";
import { Outlet, useNavigate } from "react-router";
import { ParleyLogo } from "../ui/ParleyLogo";
import classes from "./AppLayout.module.css";
import { useCurrentMe } from "./auth";
import { LiveIndicator } from "./LiveIndicator";
import { LiveProvider } from "./live";
import { MainNav } from "./MainNav";
import { openShortcutHelp, ShortcutHelp } from "./ShortcutHelp";
import { inOverlay, useShortcuts } from "./shortcuts";
import { UserMenu } from "./UserMenu";

function GlobalShortcuts() {
  const navigate = useNavigate();
  useShortcuts(
    {
      "?": openShortcutHelp,
      "g i": () => navigate("/inbox"),
    },
    (event) => !inOverlay(event.target),
  );
  return null;
}

export function AppLayout() {
  const me = useCurrentMe();
  return (
    <LiveProvider>
      <GlobalShortcuts />
      <ShortcutHelp />
      <AppShell header={{ height: 48 }} navbar={{ width: 72, breakpoint: 0 }} padding={0} withBorder>
        <AppShell.Header className={classes.header}>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap" miw={0}>
              <ParleyLogo size={24} />
              <span className={classes.slash} aria-hidden>
                /
              </span>
              <Text fw={600} size="sm" truncate title="Workspace">
                {me.workspace.name}
              </Text>
            </Group>
            <Group gap="lg" wrap="nowrap">
              <LiveIndicator />
              <UserMenu />
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar className={classes.navbar}>
          <MainNav />
        </AppShell.Navbar>
        <AppShell.Main className={classes.main}>
          <Outlet />
        </AppShell.Main>
      </AppShell>
    </LiveProvider>
  );
}
