import { Text, UnstyledButton } from "@mantine/core";
import classes from "./inbox.module.css";
import { type InboxView, QUEUE_VIEWS, STATUS_VIEWS, type ViewId } from "./views";

interface InboxViewsProps {
  current: ViewId;
  onSelect: (view: ViewId) => void;
}

function ViewGroup({
  title,
  views,
  current,
  onSelect,
}: InboxViewsProps & { title: string; views: InboxView[] }) {
  return (
    <div className={classes.viewGroup}>
      <Text className={classes.viewGroupTitle} id={`views-${title}`}>
        {title}
      </Text>
      <ul aria-labelledby={`views-${title}`} className={classes.viewList}>
        {views.map(({ id, label, Icon }) => (
          <li key={id}>
            <UnstyledButton
              className={classes.viewItem}
              aria-current={current === id ? "page" : undefined}
              onClick={() => onSelect(id)}
            >
              <Icon size={16} stroke={1.7} aria-hidden />
              <span>{label}</span>
            </UnstyledButton>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The saved views of the inbox: queues first, then one per status. */
export function InboxViews(props: InboxViewsProps) {
  return (
    <nav className={classes.views} aria-label="Inbox views">
      <Text className={classes.viewsTitle} component="h1">
        Inbox
      </Text>
      <ViewGroup title="Queues" views={QUEUE_VIEWS} {...props} />
      <ViewGroup title="Status" views={STATUS_VIEWS} {...props} />
    </nav>
  );
}
