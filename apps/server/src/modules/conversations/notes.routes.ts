import {
  Conversation,
  ConversationEvent,
  CreateNoteRequest,
  Id,
  ListQuery,
  Note,
  pageOf,
  UpdateTagsRequest,
} from "@parley/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Deps } from "../../platform/deps";
import { found } from "../../platform/http/problem";
import { recordAudit } from "../audit/audit.repo";
import { principalOf } from "../auth/principal";
import { addNote, findNote, listNotes } from "./add-note";
import { listConversationEvents } from "./conversation-history";
import { findConversation, toConversationDto } from "./conversations.repo";
import { updateTags } from "./update-tags";

const Params = z.object({ id: Id });

/** Notes, tags and history of one conversation (SPEC A2). */
export const conversationNoteRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const { db, clock } = deps;
  const conversationOf = async (workspaceId: string, id: string) =>
    found(await findConversation(db, workspaceId, id), "Conversation").conversation.id;

  app.get(
    "/conversations/:id/notes",
    {
      config: { permission: "conversations:read" },
      schema: {
        tags: ["conversations"],
        summary: "The conversation's internal notes, oldest first",
        params: Params,
        querystring: ListQuery,
        response: { 200: pageOf(Note) },
      },
    },
    async (request) => {
      const { workspaceId } = principalOf(request);
      const id = await conversationOf(workspaceId, request.params.id);
      return listNotes(db, workspaceId, id, request.query.limit, request.query.cursor);
    },
  );

  app.post(
    "/conversations/:id/notes",
    {
      config: { permission: "conversations:update" },
      schema: {
        tags: ["conversations"],
        summary: "Leave an internal note (never sent to the customer); logged as a note_added event",
        params: Params,
        body: CreateNoteRequest,
        response: { 201: Note },
      },
    },
    async (request, reply) => {
      const p = principalOf(request);
      const now = clock.now();
      const noteId = await db.transaction(async (tx) => {
        const noteId = await addNote(tx, p, request.params.id, request.body.text, now);
        await recordAudit(
          tx,
          p,
          request.ip,
          {
            action: "conversation.note_added",
            targetType: "conversation",
            targetId: request.params.id,
            data: { note_id: noteId },
          },
          now,
        );
        return noteId;
      });
      deps.changes.publish({
        workspaceId: p.workspaceId,
        conversationIds: [request.params.id],
        reasons: ["note"],
      });
      return reply.status(201).send(found(await findNote(db, p.workspaceId, noteId), "Note"));
    },
  );

  app.put(
    "/conversations/:id/tags",
    {
      config: { permission: "conversations:update" },
      schema: {
        tags: ["conversations"],
        summary: "Add and remove tags (matched without regard to case); logged as a tags_changed event",
        params: Params,
        body: UpdateTagsRequest,
        response: { 200: Conversation },
      },
    },
    async (request) => {
      const p = principalOf(request);
      const now = clock.now();
      const changed = await db.transaction(async (tx) => {
        const changed = await updateTags(tx, p, request.params.id, request.body, now);
        if (changed) {
          await recordAudit(
            tx,
            p,
            request.ip,
            {
              action: "conversation.tags_changed",
              targetType: "conversation",
              targetId: request.params.id,
              data: request.body,
            },
            now,
          );
        }
        return changed;
      });
      if (changed)
        deps.changes.publish({
          workspaceId: p.workspaceId,
          conversationIds: [request.params.id],
          reasons: ["tags"],
        });
      return toConversationDto(
        found(await findConversation(db, p.workspaceId, request.params.id), "Conversation"),
      );
    },
  );

  app.get(
    "/conversations/:id/events",
    {
      config: { permission: "conversations:read" },
      schema: {
        tags: ["conversations"],
        summary: "The conversation's history (status, assignment, tags, notes, messages...), oldest first",
        params: Params,
        querystring: ListQuery,
        response: { 200: pageOf(ConversationEvent) },
      },
    },
    async (request) => {
      const { workspaceId } = principalOf(request);
      const id = await conversationOf(workspaceId, request.params.id);
      return listConversationEvents(db, workspaceId, id, request.query.limit, request.query.cursor);
    },
  );
};
