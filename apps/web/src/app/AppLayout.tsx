import { AppShell, Group, Text } from "@mantine/core";
import { Outlet } from "react-router";
import { ParleyLogo } from "../ui/ParleyLogo";
import classes from "./AppLayout.module.css";
import { useCurrentMe } from "./auth";
import { MainNav } from "./MainNav";
import { UserMenu } from "./UserMenu";

export function AppLayout() {
  const me = useCurrentMe();
  return (
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
          <UserMenu />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar className={classes.navbar}>
        <MainNav />
      </AppShell.Navbar>
      <AppShell.Main className={classes.main}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
