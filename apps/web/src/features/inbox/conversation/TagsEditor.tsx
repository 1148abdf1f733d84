import { TagsInput } from "@mantine/core";
import type { Conversation } from "@parley/contracts";
import { errorMessage } from "../../../app/api";
import { useCan } from "../../../app/auth";
import classes from "./conversation.module.css";
import { notify } from "./notify";
import { useUpdateTags } from "./queries";

/** Tags as chips; each change is sent as add/remove so two agents tagging at once both win. */
export function TagsEditor({ conversation: c }: { conversation: Conversation }) {
  const canEdit = useCan("conversations:update");
  const update = useUpdateTags(c.id);
  const lower = new Set(c.tags.map((t) => t.toLowerCase()));

  const onChange = (next: string[]) => {
    const nextLower = new Set(next.map((t) => t.toLowerCase()));
    const add = next.filter((t) => !lower.has(t.toLowerCase()));
    const remove = c.tags.filter((t) => !nextLower.has(t.toLowerCase()));
    if (add.length === 0 && remove.length === 0) return;
    update.mutate(
      { ...(add.length ? { add } : {}), ...(remove.length ? { remove } : {}) },
      {
        onError: (e) => notify({ color: "red", title: "Could not change tags", message: errorMessage(e) }),
      },
    );
  };

  return (
    <TagsInput
      size="xs"
      aria-label="Tags"
      placeholder={c.tags.length ? "" : "Add tag"}
      value={c.tags}
      onChange={onChange}
      disabled={!canEdit}
      clearable={false}
      maxTags={50}
      splitChars={[",", " "]}
      classNames={{ input: classes.tagsInput }}
    />
  );
}
