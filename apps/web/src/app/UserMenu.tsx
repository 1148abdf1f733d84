import { Badge, Menu, Stack, Text, UnstyledButton, VisuallyHidden } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconApi, IconChevronDown, IconKeyboard, IconLogout } from "@tabler/icons-react";
import { useNavigate } from "react-router";
import { UserAvatar } from "../ui/UserAvatar";
import classes from "./AppLayout.module.css";
import {
  AVAILABILITY_META,
  AvailabilityLabel,
  AvailabilityMenuItems,
  AvatarWithStatus,
  useAvailabilityUpdates,
} from "./AvailabilityControl";
import { errorMessage } from "./api";
import { useCurrentMe, useLogout } from "./auth";
import { roleLabel } from "./roles";
import { openShortcutHelp } from "./ShortcutHelp";

export function UserMenu() {
  const me = useCurrentMe();
  const logout = useLogout();
  const navigate = useNavigate();
  const name = me.user?.name ?? me.api_key?.name ?? "API key";
  const email = me.user?.email;
  const availability = me.user?.availability;
  useAvailabilityUpdates();

  const logOut = () =>
    logout.mutate(undefined, {
      onSuccess: () => navigate("/login", { replace: true }),
      onError: (error) =>
        notifications.show({ color: "red", title: "Could not log out", message: errorMessage(error) }),
    });

  return (
    <Menu position="bottom-end" width={260}>
      <Menu.Target>
        {/* Named by its own text (name and role), so what is seen is what speech input says. */}
        <UnstyledButton className={classes.userButton}>
          {availability ? (
            <AvatarWithStatus availability={availability}>
              <UserAvatar name={name} size={28} aria-hidden />
            </AvatarWithStatus>
          ) : (
            <UserAvatar name={name} size={28} aria-hidden />
          )}
          <Stack gap={0} visibleFrom="sm">
            <Text size="sm" fw={600} lh={1.2}>
              {name}
            </Text>
            <Text size="xs" c="dimmed" lh={1.2} component="span">
              {availability ? <AvailabilityLabel availability={availability} /> : roleLabel(me.role)}
            </Text>
          </Stack>
          <IconChevronDown size={14} stroke={2} color="var(--mantine-color-gray-5)" aria-hidden />
          <VisuallyHidden>
            Account menu{availability ? `, status ${AVAILABILITY_META[availability].label}` : ""}
          </VisuallyHidden>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Stack gap={2} px="sm" py={8}>
          <Text size="sm" fw={600}>
            {name}
          </Text>
          {email ? (
            <Text size="xs" c="dimmed" truncate>
              {email}
            </Text>
          ) : null}
          <Badge mt={6} variant="light" color="accent" w="fit-content">
            {roleLabel(me.role)} · {me.workspace.name}
          </Badge>
        </Stack>
        <Menu.Divider />
        {availability ? (
          <>
            <AvailabilityMenuItems />
            <Menu.Divider />
          </>
        ) : null}
        <Menu.Item
          leftSection={<IconKeyboard size={15} stroke={1.8} aria-hidden />}
          rightSection={
            <Text size="xs" c="dimmed">
              ?
            </Text>
          }
          onClick={openShortcutHelp}
        >
          Keyboard shortcuts
        </Menu.Item>
        <Menu.Item
          component="a"
          href="/api/docs"
          target="_blank"
          rel="noreferrer"
          leftSection={<IconApi size={15} stroke={1.8} aria-hidden />}
        >
          API reference
        </Menu.Item>
        <Menu.Item
          leftSection={<IconLogout size={15} stroke={1.8} aria-hidden />}
          onClick={logOut}
          disabled={logout.isPending}
        >
          Log out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
