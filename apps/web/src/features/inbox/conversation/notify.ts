import { type NotificationData, notifications } from "@mantine/notifications";

/** A toast whose close button has a name (Mantine's has none, which axe rightly flags). */
export function notify(data: NotificationData) {
  return notifications.show({ ...data, closeButtonProps: { "aria-label": "Dismiss notification" } });
}
