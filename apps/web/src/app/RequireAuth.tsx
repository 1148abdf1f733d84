import { Button, Center, Loader, Stack, Text } from "@mantine/core";
import { Navigate, Outlet, useLocation } from "react-router";
import { errorMessage, isApiError } from "./api";
import { useMe } from "./auth";

/** Renders the app only for a signed-in person; sends everyone else to /login, remembering where they were going. */
export function RequireAuth() {
  const location = useLocation();
  const me = useMe();

  // Checked before the cached identity: a session that expired mid-use must not keep showing the app.
  if (isApiError(me.error, 401)) {
    const next = `${location.pathname}${location.search}`;
    const search = next === "/" || next === "/inbox" ? "" : `?next=${encodeURIComponent(next)}`;
    return <Navigate to={`/login${search}`} replace />;
  }
  if (me.data) return <Outlet />;
  if (me.isPending) {
    return (
      <Center h="100dvh">
        <Loader size="sm" aria-label="Loading Parley" />
      </Center>
    );
  }
  return (
    <Center h="100dvh">
      <Stack align="center" gap="sm">
        <Text fw={600}>Parley is not responding</Text>
        <Text c="dimmed" size="sm">
          {errorMessage(me.error)}
        </Text>
        <Button variant="default" onClick={() => void me.refetch()} loading={me.isFetching}>
          Try again
        </Button>
      </Stack>
    </Center>
  );
}
