import { Group, Menu, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { AVAILABILITIES, type Availability, type Me, type User } from "@parley/contracts";
import { IconCheck } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import classes from "./AvailabilityControl.module.css";
import { api, errorMessage } from "./api";
import { ME_KEY, useCurrentMe } from "./auth";
import { useLiveEvent } from "./live";

/** How each availability looks and what it means for routing (SPEC A5, W2). */
export const AVAILABILITY_META: Record<Availability, { label: string; color: string; hint: string }> = {
  available: {
    label: "Available",
    color: "var(--mantine-color-teal-6)",
    hint: "Taking new conversations",
  },
  busy: {
    label: "Busy",
    color: "var(--mantine-color-orange-6)",
    hint: "No new conversations for now",
  },
  away: {
    label: "Away",
    color: "var(--mantine-color-yellow-5)",
    hint: "Stepped away for a moment",
  },
  offline: {
    label: "Offline",
    color: "var(--mantine-color-gray-5)",
    hint: "Not on the desk",
  },
};

/** Filled in the state's colour; offline is a hollow ring, drawn by the stylesheet. */
const dotStyle = (a: Availability) =>
  a === "offline" ? undefined : { background: AVAILABILITY_META[a].color };

const withAvailability = (me: Me, availability: Availability): Me =>
  me.user ? { ...me, user: { ...me.user, availability } } : me;

/**
 * Sets my availability (PUT /me/availability): shown at once, rolled back with a message if the
 * server refuses. The server keeps its history and tells supervisor views over the live channel.
 */
export function useSetAvailability() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (availability: Availability) => api.put<User>("/me/availability", { availability }),
    onMutate: async (availability) => {
      await client.cancelQueries({ queryKey: ME_KEY });
      const previous = client.getQueryData<Me>(ME_KEY);
      if (previous) client.setQueryData(ME_KEY, withAvailability(previous, availability));
      return { previous };
    },
    onError: (error, _availability, context) => {
      if (context?.previous) client.setQueryData(ME_KEY, context.previous);
      notifications.show({
        color: "red",
        title: "Could not change your status",
        message: errorMessage(error),
      });
    },
    onSuccess: (user) => {
      const me = client.getQueryData<Me>(ME_KEY);
      if (me) client.setQueryData(ME_KEY, { ...me, user });
      void client.invalidateQueries({ queryKey: ["users"] });
    },
  });
}

/**
 * Keeps members' availability fresh: a `users.changed` frame refetches the member lists, and me
 * when a lead changed my status or a rule did (the desk closed elsewhere, a logout in another tab).
 */
export function useAvailabilityUpdates() {
  const client = useQueryClient();
  const me = useCurrentMe();
  useLiveEvent((msg) => {
    if (msg.type !== "users.changed") return;
    void client.invalidateQueries({ queryKey: ["users"] });
    if (me.user && msg.user_ids.includes(me.user.id)) void client.invalidateQueries({ queryKey: ME_KEY });
  });
}

/** The avatar with my status on its corner. */
export function AvatarWithStatus({
  availability,
  children,
}: {
  availability: Availability;
  children: ReactNode;
}) {
  return (
    <span className={classes.avatarWrap}>
      {children}
      <span
        className={classes.avatarDot}
        data-availability={availability}
        style={dotStyle(availability)}
        aria-hidden
      />
    </span>
  );
}

/** "● Available": the status line under my name. */
export function AvailabilityLabel({ availability }: { availability: Availability }) {
  const meta = AVAILABILITY_META[availability];
  return (
    <span className={classes.statusLine}>
      <span
        className={classes.statusDot}
        data-availability={availability}
        style={dotStyle(availability)}
        aria-hidden
      />
      {meta.label}
    </span>
  );
}

/** The status picker inside the user menu: one item per availability, the current one checked. */
export function AvailabilityMenuItems() {
  const me = useCurrentMe();
  const set = useSetAvailability();
  const current = me.user?.availability;
  if (!current) return null;
  return (
    <>
      <Menu.Label>Status</Menu.Label>
      {AVAILABILITIES.map((a) => {
        const meta = AVAILABILITY_META[a];
        const selected = a === current;
        return (
          <Menu.Item
            key={a}
            className={classes.option}
            data-current={selected || undefined}
            aria-checked={selected}
            role="menuitemradio"
            leftSection={
              <span className={classes.optionDot} data-availability={a} style={dotStyle(a)} aria-hidden />
            }
            rightSection={
              selected ? (
                <IconCheck size={14} stroke={2.2} color="var(--mantine-color-accent-6)" aria-hidden />
              ) : null
            }
            onClick={() => {
              if (!selected) set.mutate(a);
            }}
          >
            <Group gap={0} wrap="nowrap">
              <Stack gap={0}>
                <Text size="sm" fw={selected ? 600 : 500} lh={1.25}>
                  {meta.label}
                </Text>
                <Text size="xs" c="dimmed" lh={1.25}>
                  {meta.hint}
                </Text>
              </Stack>
            </Group>
          </Menu.Item>
        );
      })}
    </>
  );
}
