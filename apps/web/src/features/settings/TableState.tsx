import { Alert, Button, Center, Loader } from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { errorMessage } from "../../app/api";

interface TableStateProps {
  isPending: boolean;
  error: unknown;
  hasNextPage?: boolean;
  isFetchingNextPage?: boolean;
  onLoadMore?: () => void;
  children: ReactNode;
}

/** Loading, error and "load more" around a settings table. */
export function TableState({
  isPending,
  error,
  hasNextPage,
  isFetchingNextPage,
  onLoadMore,
  children,
}: TableStateProps) {
  if (isPending) {
    return (
      <Center p="xl">
        <Loader size="sm" aria-label="Loading" />
      </Center>
    );
  }
  if (error) {
    return (
      <Alert m="lg" color="red" variant="light" icon={<IconAlertCircle size={16} />}>
        {errorMessage(error)}
      </Alert>
    );
  }
  return (
    <>
      {children}
      {hasNextPage && onLoadMore ? (
        <Center py="xs">
          <Button variant="subtle" size="xs" onClick={onLoadMore} loading={isFetchingNextPage}>
            Load more
          </Button>
        </Center>
      ) : null}
    </>
  );
}
