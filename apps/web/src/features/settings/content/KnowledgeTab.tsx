import {
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Stack,
  Table,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { notifications } from "@mantine/notifications";
import type { KnowledgeArticle } from "@parley/contracts";
import { IconBook2, IconExternalLink } from "@tabler/icons-react";
import { useState } from "react";
import { ApiError, errorMessage } from "../../../app/api";
import { useCan } from "../../../app/auth";
import { EmptyState } from "../../../ui/EmptyState";
import { RelativeTime } from "../../../ui/RelativeTime";
import { SettingsSection } from "../SettingsSection";
import { TableState } from "../TableState";
import { useArticles, useDeleteArticle, useSaveArticle } from "./queries";
import { SearchAndCreate } from "./SearchAndCreate";

function ArticleModal({ article, onClose }: { article: KnowledgeArticle | null; onClose: () => void }) {
  const [title, setTitle] = useState(article?.title ?? "");
  const [url, setUrl] = useState(article?.url ?? "");
  const [summary, setSummary] = useState(article?.summary ?? "");
  const [tags, setTags] = useState<string[]>(article?.tags ?? []);
  const save = useSaveArticle();
  const remove = useDeleteArticle();
  const errors = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  const failure = save.error ?? remove.error;
  const done = (message: string) => {
    notifications.show({ color: "teal", message });
    onClose();
  };
  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ "aria-label": "Close" }}
      title={article ? "Edit article" : "New article"}
      size={560}
    >
      <Stack gap="sm">
        {failure && Object.keys(errors).length === 0 ? (
          <Text size="sm" c="red">
            {errorMessage(failure)}
          </Text>
        ) : null}
        <TextInput
          label="Title"
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={errors.title}
          required
          data-autofocus
        />
        <TextInput
          label="URL"
          placeholder="https://help.example.com/refunds"
          value={url}
          onChange={(e) => setUrl(e.currentTarget.value)}
          error={errors.url}
          required
        />
        <Textarea
          label="Summary"
          description="What agents see when they search from the composer."
          value={summary}
          onChange={(e) => setSummary(e.currentTarget.value)}
          error={errors.summary}
          autosize
          minRows={3}
          maxRows={8}
        />
        <TagsInput
          label="Tags"
          value={tags}
          onChange={setTags}
          error={errors.tags}
          placeholder="Type, Enter"
        />
        <Group justify="space-between" mt="sm">
          <div>
            {article ? (
              <Button
                variant="subtle"
                color="red"
                loading={remove.isPending}
                onClick={() =>
                  remove.mutate(article.id, { onSuccess: () => done(`Article “${article.title}” deleted`) })
                }
              >
                Delete article
              </Button>
            ) : null}
          </div>
          <Group gap="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button
              loading={save.isPending}
              disabled={!title.trim() || !url.trim()}
              onClick={() =>
                save.mutate(
                  {
                    id: article?.id ?? null,
                    body: { title: title.trim(), url: url.trim(), summary: summary.trim(), tags },
                  },
                  { onSuccess: (a) => done(`Article “${a.title}” saved`) },
                )
              }
            >
              Save article
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Help-centre articles agents link to from the composer. */
export function KnowledgeTab() {
  const [q, setQ] = useState("");
  const [debounced] = useDebouncedValue(q.trim(), 250);
  const articles = useArticles(debounced);
  const canManage = useCan("templates:manage");
  const [editing, setEditing] = useState<KnowledgeArticle | "new" | null>(null);
  const items = articles.data?.items ?? [];
  return (
    <SettingsSection
      title="Knowledge base"
      description="Articles agents find with / in the composer and share as links."
      action={
        <SearchAndCreate
          searchLabel="Search articles"
          value={q}
          onChange={setQ}
          createLabel="New article"
          onCreate={canManage ? () => setEditing("new") : undefined}
        />
      }
    >
      <TableState
        isPending={articles.isPending}
        error={articles.error}
        hasNextPage={articles.hasNextPage}
        isFetchingNextPage={articles.isFetchingNextPage}
        onLoadMore={() => void articles.fetchNextPage()}
      >
        {items.length === 0 ? (
          <EmptyState
            compact
            icon={<IconBook2 size={20} stroke={1.6} />}
            title={debounced ? "No articles match" : "No articles yet"}
            description="Link the help-centre pages agents send most."
          />
        ) : (
          <Table highlightOnHover verticalSpacing={6} aria-label="Knowledge articles">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Article</Table.Th>
                <Table.Th w={220}>Tags</Table.Th>
                <Table.Th w={90}>Updated</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      {canManage ? (
                        <Text
                          component="button"
                          type="button"
                          size="sm"
                          fw={600}
                          onClick={() => setEditing(a)}
                          style={{ background: "none", border: 0, padding: 0, cursor: "pointer" }}
                        >
                          {a.title}
                        </Text>
                      ) : (
                        <Text size="sm" fw={600}>
                          {a.title}
                        </Text>
                      )}
                      <Anchor
                        href={a.url}
                        target="_blank"
                        rel="noreferrer"
                        aria-label={`Open ${a.title}`}
                        c="dimmed"
                      >
                        <IconExternalLink size={13} />
                      </Anchor>
                    </Group>
                    <Text size="xs" c="dimmed" lineClamp={1}>
                      {a.summary || a.url}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {a.tags.map((t) => (
                        <Badge key={t} size="xs" variant="default" tt="none">
                          {t}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <RelativeTime iso={a.updated_at} size="sm" />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </TableState>
      {editing && canManage ? (
        <ArticleModal article={editing === "new" ? null : editing} onClose={() => setEditing(null)} />
      ) : null}
    </SettingsSection>
  );
}
