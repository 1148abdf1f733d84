import { Stack } from "@mantine/core";
import type { Permission } from "@parley/contracts";
import {
  IconChartBar,
  IconHeartRateMonitor,
  IconInbox,
  IconSettings,
  type TablerIcon,
} from "@tabler/icons-react";
import { NavLink } from "react-router";
import classes from "./AppLayout.module.css";
import { useCan } from "./auth";

const ITEMS: { to: string; label: string; Icon: TablerIcon; permission?: Permission }[] = [
  { to: "/inbox", label: "Inbox", Icon: IconInbox },
  { to: "/supervisor", label: "Supervisor", Icon: IconHeartRateMonitor, permission: "supervisor:read" },
  { to: "/reports", label: "Reports", Icon: IconChartBar },
  { to: "/settings", label: "Settings", Icon: IconSettings },
];

export function MainNav() {
  const canSupervise = useCan("supervisor:read");
  const items = ITEMS.filter((item) => item.permission !== "supervisor:read" || canSupervise);
  return (
    <Stack component="nav" aria-label="Main" gap={4}>
      {items.map(({ to, label, Icon }) => (
        <NavLink key={to} to={to} className={classes.navItem}>
          <Icon size={20} stroke={1.7} aria-hidden />
          {label}
        </NavLink>
      ))}
    </Stack>
  );
}
