import { Stack } from "@mantine/core";
import { IconChartBar, IconInbox, IconSettings, type TablerIcon } from "@tabler/icons-react";
import { NavLink } from "react-router";
import classes from "./AppLayout.module.css";

const ITEMS: { to: string; label: string; Icon: TablerIcon }[] = [
  { to: "/inbox", label: "Inbox", Icon: IconInbox },
  { to: "/reports", label: "Reports", Icon: IconChartBar },
  { to: "/settings", label: "Settings", Icon: IconSettings },
];

export function MainNav() {
  return (
    <Stack component="nav" aria-label="Main" gap={4}>
      {ITEMS.map(({ to, label, Icon }) => (
        <NavLink key={to} to={to} className={classes.navItem}>
          <Icon size={20} stroke={1.7} aria-hidden />
          {label}
        </NavLink>
      ))}
    </Stack>
  );
}
