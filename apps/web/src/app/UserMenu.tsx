import { Badge, Menu, Stack, Text, UnstyledButton } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconApi, IconChevronDown, IconLogout } from "@tabler/icons-react";
import { useNavigate } from "react-router";
import { UserAvatar } from "../ui/UserAvatar";
import classes from "./AppLayout.module.css";
import { errorMessage } from "./api";
import { useCurrentMe, useLogout } from "./auth";
import { roleLabel } from "./roles";

export function UserMenu() {
  const me = useCurrentMe();
  const logout = useLogout();
  const navigate = useNavigate();
  const name = me.user?.name ?? me.api_key?.name ?? "API key";
  const email = me.user?.email;

  const logOut = () =>
    logout.mutate(undefined, {
      onSuccess: () => navigate("/login", { replace: true }),
      onError: (error) =>
        notifications.show({ color: "red", title: "Could not log out", message: errorMessage(error) }),
    });

  return (
    <Menu position="bottom-end" width={240}>
      <Menu.Target>
        <UnstyledButton className={classes.userButton} aria-label={`Account menu for ${name}`}>
          <UserAvatar name={name} size={28} />
          <Stack gap={0} visibleFrom="sm">
            <Text size="sm" fw={600} lh={1.2}>
              {name}
            </Text>
            <Text size="xs" c="dimmed" lh={1.2}>
              {roleLabel(me.role)}
            </Text>
          </Stack>
          <IconChevronDown size={14} stroke={2} color="var(--mantine-color-gray-5)" aria-hidden />
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
