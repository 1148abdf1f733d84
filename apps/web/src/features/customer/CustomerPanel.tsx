import {
  ActionIcon,
  Alert,
  Avatar,
  Badge,
  Button,
  Group,
  Loader,
  Progress,
  Select,
  Stack,
  Switch,
  Text,
  Tooltip,
} from "@mantine/core";
import { type ContactProfile, VIP_TIERS, type VipTier } from "@parley/contracts";
import { IconAlertCircle, IconDiscountCheckFilled, IconGitMerge, IconUnlink } from "@tabler/icons-react";
import { type ReactNode, useState } from "react";
import { Link, useLocation } from "react-router";
import { errorMessage } from "../../app/api";
import { useCan } from "../../app/auth";
import { ChannelIcon } from "../../ui/channels";
import { RelativeTime } from "../../ui/RelativeTime";
import { SentimentDot } from "../../ui/SentimentDot";
import { StatusBadge } from "../../ui/StatusBadge";
import { initials } from "../../ui/UserAvatar";
import { notify } from "../inbox/conversation/notify";
import classes from "./customer.module.css";
import { MergeContactModal } from "./MergeContactModal";
import { useContactProfile, useUnlinkIdentity, useUpdateContact } from "./queries";
import { SentimentSparkline } from "./Sparkline";
import { formatCount } from "./sparkline";

const TIER_LABELS: Record<VipTier, string> = {
  none: "Not VIP",
  silver: "Silver",
  gold: "Gold",
  platinum: "Platinum",
};

function Section({ title, children, aside }: { title: string; children: ReactNode; aside?: ReactNode }) {
  return (
    <section className={classes.section} aria-label={title}>
      <div className={classes.sectionHead}>
        <h3 className={classes.sectionTitle}>{title}</h3>
        {aside}
      </div>
      {children}
    </section>
  );
}

/** SPEC C3: who the customer is across networks, how they feel, and everything they asked before. */
export function CustomerPanel({ contactId, conversationId }: { contactId: string; conversationId: string }) {
  const profile = useContactProfile(contactId);
  if (profile.isPending)
    return (
      <aside className={classes.panel} aria-label="Customer">
        <Loader size="sm" m="lg" aria-label="Loading customer" />
      </aside>
    );
  if (!profile.data)
    return (
      <aside className={classes.panel} aria-label="Customer">
        <Alert
          m="sm"
          color="red"
          variant="light"
          icon={<IconAlertCircle size={16} />}
          title="Could not load the customer"
        >
          {errorMessage(profile.error)}
        </Alert>
      </aside>
    );
  return <Profile profile={profile.data} conversationId={conversationId} />;
}

function Profile({ profile: p, conversationId }: { profile: ContactProfile; conversationId: string }) {
  const canEdit = useCan("contacts:update");
  const update = useUpdateContact(p.id);
  const [merging, setMerging] = useState(false);
  const save = (flags: Parameters<typeof update.mutate>[0]) =>
    update.mutate(flags, {
      onError: (e) => notify({ color: "red", title: "Could not save", message: errorMessage(e) }),
    });

  return (
    <aside className={classes.panel} aria-label="Customer">
      <div className={classes.identityHead}>
        <Avatar src={p.avatar_url} size={40} radius="xl" color="accent" alt="">
          {initials(p.display_name)}
        </Avatar>
        <div style={{ minWidth: 0 }}>
          <Text fw={650} size="sm" truncate>
            {p.display_name}
          </Text>
          <Text size="xs" c="dimmed">
            {p.totals.conversations} conversation{p.totals.conversations === 1 ? "" : "s"} ·{" "}
            {p.totals.messages} message
            {p.totals.messages === 1 ? "" : "s"}
          </Text>
        </div>
      </div>

      <div className={classes.flags}>
        <Select
          size="xs"
          label="VIP tier"
          data={VIP_TIERS.map((value) => ({ value, label: TIER_LABELS[value] }))}
          value={p.vip_tier}
          allowDeselect={false}
          disabled={!canEdit}
          onChange={(v) => v && save({ vip_tier: v as VipTier })}
          w={120}
        />
        <Stack gap={6}>
          <Switch
            size="xs"
            label="Troll"
            color="red"
            checked={p.is_troll}
            disabled={!canEdit}
            onChange={(e) => save({ is_troll: e.currentTarget.checked })}
          />
          <Switch
            size="xs"
            label="Abusive"
            color="red"
            checked={p.is_abuse}
            disabled={!canEdit}
            onChange={(e) => save({ is_abuse: e.currentTarget.checked })}
          />
        </Stack>
      </div>

      <Section
        title="Influence"
        aside={
          <Text size="xs" fw={650}>
            {p.influence_score}/100
          </Text>
        }
      >
        <Progress.Root size="sm">
          <Progress.Section
            value={p.influence_score}
            color={p.influence_score >= 70 ? "orange" : "accent"}
            aria-label={`Influence ${p.influence_score} of 100`}
          />
        </Progress.Root>
      </Section>

      <Section
        title="Identities"
        aside={
          canEdit ? (
            <Button
              size="compact-xs"
              variant="subtle"
              leftSection={<IconGitMerge size={12} aria-hidden />}
              onClick={() => setMerging(true)}
            >
              Link or merge
            </Button>
          ) : null
        }
      >
        <Identities profile={p} canEdit={canEdit} />
      </Section>

      <Section title="Sentiment, 90 days">
        <SentimentSparkline trend={p.sentiment_trend} />
      </Section>

      <Section title="History">
        <History profile={p} currentId={conversationId} />
      </Section>

      <MergeContactModal
        contactId={p.id}
        contactName={p.display_name}
        opened={merging}
        onClose={() => setMerging(false)}
      />
    </aside>
  );
}

function Identities({ profile: p, canEdit }: { profile: ContactProfile; canEdit: boolean }) {
  const unlink = useUnlinkIdentity(p.id);
  return (
    <ul className={classes.identities}>
      {p.identities.map((i) => {
        const name = i.handle ? `@${i.handle.replace(/^@/, "")}` : (i.display_name ?? i.external_id);
        return (
          <li key={i.id} className={classes.identity}>
            <ChannelIcon channel={i.network} size={20} />
            <div style={{ minWidth: 0, flex: 1 }}>
              <Group gap={4} wrap="nowrap">
                <Text size="xs" fw={600} truncate>
                  {name}
                </Text>
                {i.verified ? (
                  <span role="img" aria-label="Verified" className={classes.verified}>
                    <IconDiscountCheckFilled size={13} aria-hidden />
                  </span>
                ) : null}
              </Group>
              {i.display_name && i.handle ? (
                <Text size="xs" c="dimmed" truncate>
                  {i.display_name}
                </Text>
              ) : null}
            </div>
            {i.followers_count !== null ? (
              <Tooltip label={`${i.followers_count.toLocaleString()} followers`}>
                <Badge size="xs" variant="light" color="gray">
                  {formatCount(i.followers_count)}
                </Badge>
              </Tooltip>
            ) : null}
            {canEdit && p.identities.length > 1 ? (
              <Tooltip label="Unlink: it becomes its own contact">
                <ActionIcon
                  size="sm"
                  aria-label={`Unlink ${name}`}
                  loading={unlink.isPending && unlink.variables === i.id}
                  onClick={() => unlink.mutate(i.id)}
                >
                  <IconUnlink size={13} />
                </ActionIcon>
              </Tooltip>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

function History({ profile: p, currentId }: { profile: ContactProfile; currentId: string }) {
  const { search } = useLocation();
  if (p.conversations.length === 0)
    return (
      <Text size="xs" c="dimmed">
        No other conversations.
      </Text>
    );
  return (
    <ol className={classes.history}>
      {p.conversations.map((c) => (
        <li key={c.id}>
          <Link
            to={{ pathname: `/inbox/${c.id}`, search }}
            className={classes.historyItem}
            aria-current={c.id === currentId ? "page" : undefined}
          >
            <ChannelIcon channel={c.channel} size={18} decorative />
            <div style={{ minWidth: 0, flex: 1 }}>
              <Text size="xs" fw={600} truncate>
                {c.subject || c.preview || "(no text)"}
              </Text>
              <Group gap={6} wrap="nowrap">
                <StatusBadge status={c.status} />
                <SentimentDot sentiment={c.sentiment} />
              </Group>
            </div>
            <RelativeTime iso={c.last_message_at} />
          </Link>
        </li>
      ))}
    </ol>
  );
}
