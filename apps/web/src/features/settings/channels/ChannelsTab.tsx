import { Button, Table, VisuallyHidden } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import type { ChannelAccount } from "@parley/contracts";
import { IconPlug, IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useCan } from "../../../app/auth";
import { EmptyState } from "../../../ui/EmptyState";
import { useChannels } from "../queries";
import { SettingsSection } from "../SettingsSection";
import { TableState } from "../TableState";
import { ChannelRow } from "./ChannelRow";
import { ConnectChannelModal } from "./ConnectChannelModal";
import { DisconnectChannelModal } from "./DisconnectChannelModal";
import { HealthSummary } from "./HealthSummary";

export function ChannelsTab() {
  const channels = useChannels();
  const canManage = useCan("channels:manage");
  const [connecting, modal] = useDisclosure(false);
  const [disconnecting, setDisconnecting] = useState<ChannelAccount | null>(null);
  const items = channels.data?.items ?? [];
  const connectButton = (
    <Button leftSection={<IconPlus size={15} aria-hidden />} onClick={modal.open}>
      Connect a channel
    </Button>
  );

  return (
    <SettingsSection
      title="Channels"
      description="The brand accounts Parley listens to and replies from, and whether their events are arriving."
      action={canManage ? connectButton : null}
    >
      <TableState isPending={channels.isPending} error={channels.error}>
        {items.length === 0 ? (
          <EmptyState
            compact
            icon={<IconPlug size={20} stroke={1.6} />}
            title="No channels connected"
            description={
              canManage
                ? "Connect your X, Facebook, Instagram or WhatsApp accounts to bring their messages into the inbox."
                : "An admin can connect the brand's X, Facebook, Instagram and WhatsApp accounts."
            }
            action={
              canManage ? (
                <Button size="xs" variant="default" onClick={modal.open}>
                  Connect a channel
                </Button>
              ) : null
            }
          />
        ) : (
          <>
            <HealthSummary channels={items} fetchedAt={channels.dataUpdatedAt} />
            <Table.ScrollContainer minWidth={860} type="native">
              <Table verticalSpacing={12}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Channel</Table.Th>
                    <Table.Th w={96}>Status</Table.Th>
                    <Table.Th w={230}>Health</Table.Th>
                    <Table.Th>Endpoints</Table.Th>
                    {canManage ? (
                      <Table.Th w={84}>
                        <VisuallyHidden>Actions</VisuallyHidden>
                      </Table.Th>
                    ) : null}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((channel) => (
                    <ChannelRow
                      key={channel.id}
                      channel={channel}
                      fetchedAt={channels.dataUpdatedAt}
                      onDisconnect={canManage ? () => setDisconnecting(channel) : undefined}
                    />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </>
        )}
      </TableState>
      {canManage ? (
        <>
          <ConnectChannelModal opened={connecting} onClose={modal.close} />
          <DisconnectChannelModal channel={disconnecting} onClose={() => setDisconnecting(null)} />
        </>
      ) : null}
    </SettingsSection>
  );
}
