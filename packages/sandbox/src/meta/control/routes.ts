import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { MetaDeps } from "../deps";
import type { FailureInjector } from "../graph/failures";
import type { UsageMeter } from "../graph/usage";
import { installControlErrorHandler, parseBody, registerCommonControl } from "./common";
import { createCustomer, requireCustomer } from "./customers";
import {
  createPost,
  customerComments,
  customerDeletesComment,
  customerEditsComment,
  customerReadsMessages,
  customerSendsMessage,
} from "./facebook-actions";
import {
  createIgMedia,
  customerCommentsOnInstagram,
  customerSeesInstagramMessages,
  customerSendsInstagramMessage,
} from "./instagram-actions";
import { META_FAILURE_PRESETS } from "./presets";

/**
 * `/_control/*`: the traffic simulator and tests act as customers here. Not part of Graph.
 */
export interface MetaControlDeps {
  deps: MetaDeps;
  failures: FailureInjector;
  usage: UsageMeter;
  reset: (options: { subscriptions?: boolean }) => void;
}

const opt = z.string().optional();
const Customer = z.object({
  name: z.string().min(1),
  psid: opt,
  igsid: opt,
  username: opt,
  pageId: opt,
  unavailable: z.boolean().optional(),
});
const CustomerPatch = z.object({ unavailable: z.boolean() });
const Post = z.object({ pageId: opt, message: z.string(), customerId: opt });
const Comment = z.object({ customerId: z.string(), postId: opt, commentId: opt, message: z.string() });
const Edit = z.object({ message: z.string() });
const Dm = z.object({
  customerId: z.string(),
  pageId: opt,
  text: opt,
  attachments: z.array(z.unknown()).optional(),
  replyToMid: opt,
});
const Read = z.object({ customerId: z.string(), pageId: opt });
const Media = z.object({ accountId: opt, caption: z.string(), mediaType: opt, productType: opt });
const IgComment = z.object({ customerId: z.string(), mediaId: opt, parentId: opt, text: z.string() });
const IgDm = z.object({
  customerId: z.string(),
  accountId: opt,
  text: opt,
  attachments: z.array(z.unknown()).optional(),
  replyToMid: opt,
});
const Seen = z.object({ customerId: z.string(), accountId: opt });
const Reset = z.object({ subscriptions: z.boolean().optional() });

function outbox(deps: MetaDeps, query: Record<string, string | undefined>) {
  const since = Number(query.sinceSeq ?? 0);
  return deps.store.outbox.filter(
    (a) =>
      a.seq > since &&
      (!query.customerId || a.customerId === query.customerId) &&
      (!query.kind || a.kind === query.kind) &&
      (!query.platform || a.platform === query.platform),
  );
}

function registerCustomerActions(app: FastifyInstance, deps: MetaDeps): void {
  app.post("/customers", async (req, reply) =>
    reply.status(201).send(createCustomer(deps, parseBody(Customer, req.body))),
  );
  app.get("/customers", async () => ({ data: [...deps.store.customers.values()] }));
  app.get<{ Params: { id: string } }>("/customers/:id", async (req) => requireCustomer(deps, req.params.id));
  app.patch<{ Params: { id: string } }>("/customers/:id", async (req) => {
    const customer = requireCustomer(deps, req.params.id);
    customer.unavailable = parseBody(CustomerPatch, req.body).unavailable;
    return customer;
  });
  app.post("/posts", async (req, reply) =>
    reply.status(201).send(createPost(deps, parseBody(Post, req.body))),
  );
  app.get("/posts", async () => ({ data: [...deps.store.posts.values()] }));
  app.post("/comments", async (req, reply) =>
    reply.status(201).send(customerComments(deps, parseBody(Comment, req.body))),
  );
  app.get("/comments", async () => ({ data: [...deps.store.comments.values()] }));
  app.post<{ Params: { id: string } }>("/comments/:id/edit", async (req) =>
    customerEditsComment(deps, { commentId: req.params.id, ...parseBody(Edit, req.body) }),
  );
  app.delete<{ Params: { id: string } }>("/comments/:id", async (req) =>
    customerDeletesComment(deps, { commentId: req.params.id }),
  );
  app.post("/messenger/messages", async (req, reply) =>
    reply.status(201).send(customerSendsMessage(deps, parseBody(Dm, req.body))),
  );
  app.post("/messenger/read", async (req) => {
    customerReadsMessages(deps, parseBody(Read, req.body));
    return { success: true };
  });
  app.post("/instagram/media", async (req, reply) =>
    reply.status(201).send(createIgMedia(deps, parseBody(Media, req.body))),
  );
  app.post("/instagram/comments", async (req, reply) =>
    reply.status(201).send(customerCommentsOnInstagram(deps, parseBody(IgComment, req.body))),
  );
  app.get("/instagram/comments", async () => ({ data: [...deps.store.igComments.values()] }));
  app.post("/instagram/messages", async (req, reply) =>
    reply.status(201).send(customerSendsInstagramMessage(deps, parseBody(IgDm, req.body))),
  );
  app.post("/instagram/seen", async (req) => {
    customerSeesInstagramMessages(deps, parseBody(Seen, req.body));
    return { success: true };
  });
}

export function metaControlRoutes(control: MetaControlDeps) {
  const { deps } = control;
  return async (app: FastifyInstance) => {
    installControlErrorHandler(app);
    registerCustomerActions(app, deps);
    registerCommonControl(app, {
      hub: deps.hub,
      failures: control.failures,
      usage: control.usage,
      presets: META_FAILURE_PRESETS,
    });
    app.get("/state", async () => ({
      pages: [...deps.store.pages.values()],
      instagram: [...deps.store.instagram.values()],
      customers: deps.store.customers.size,
      posts: deps.store.posts.size,
      comments: deps.store.comments.size + deps.store.igComments.size,
      messages: deps.store.messages.length,
      subscriptions: deps.hub.subscriptions.list(),
    }));
    app.get<{ Querystring: Record<string, string | undefined> }>("/outbox", async (req) => ({
      data: outbox(deps, req.query),
    }));
    app.get<{ Querystring: Record<string, string | undefined> }>("/messages", async (req) => ({
      data: deps.store.messages.filter((m) => !req.query.customerId || m.customerId === req.query.customerId),
    }));
    app.post("/reset", async (req) => {
      control.reset(parseBody(Reset, req.body));
      return { success: true };
    });
  };
}
