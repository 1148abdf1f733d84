import { Tooltip } from "@mantine/core";
import type { Channel } from "@parley/contracts";
import {
  IconBrandFacebook,
  IconBrandInstagram,
  IconBrandWhatsapp,
  IconBrandX,
  IconMail,
  IconMessageCircle,
  IconRss,
  IconWebhook,
  type TablerIcon,
} from "@tabler/icons-react";
import classes from "./ui.module.css";

interface ChannelMeta {
  label: string;
  Icon: TablerIcon;
  color: string;
}

export const CHANNEL_META: Record<Channel, ChannelMeta> = {
  x: { label: "X", Icon: IconBrandX, color: "#14171a" },
  facebook: { label: "Facebook", Icon: IconBrandFacebook, color: "#1877f2" },
  instagram: { label: "Instagram", Icon: IconBrandInstagram, color: "#d62976" },
  whatsapp: { label: "WhatsApp", Icon: IconBrandWhatsapp, color: "#1da851" },
  email: { label: "Email", Icon: IconMail, color: "#687180" },
  webchat: { label: "Web chat", Icon: IconMessageCircle, color: "#5b67de" },
  rss: { label: "RSS / blogs", Icon: IconRss, color: "#e8590c" },
  webhook: { label: "Webhook", Icon: IconWebhook, color: "#687180" },
};

/** Every channel, in the order the product lists them. */
export const CHANNEL_OPTIONS = (Object.keys(CHANNEL_META) as Channel[]).map((value) => ({
  value,
  label: CHANNEL_META[value].label,
}));

interface ChannelIconProps {
  channel: Channel;
  size?: number;
  withTooltip?: boolean;
  /** Next to a visible channel name the icon is decoration only. */
  decorative?: boolean;
}

/** The network's mark in a small tinted tile. */
export function ChannelIcon({
  channel,
  size = 22,
  withTooltip = true,
  decorative = false,
}: ChannelIconProps) {
  const { label, Icon, color } = CHANNEL_META[channel];
  const tile = (
    <span
      className={classes.channelTile}
      style={{ width: size, height: size, color, "--tile-color": color } as React.CSSProperties}
      {...(decorative ? { "aria-hidden": true } : { role: "img", "aria-label": label })}
    >
      <Icon size={Math.round(size * 0.64)} stroke={1.8} aria-hidden />
    </span>
  );
  return withTooltip && !decorative ? <Tooltip label={label}>{tile}</Tooltip> : tile;
}
