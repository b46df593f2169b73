import type { FastifyReply } from 'fastify';

/**
 * Sends JSON text serialised (and cached) earlier. Fastify passes a string through untouched, so a route's
 * response schema still documents the answer without its serializer re-encoding it on every request; the text
 * has the schema's shape by the type of what was serialised, and the route tests parse it with the schema.
 */
export const sendSerializedJson = (reply: FastifyReply, json: string): FastifyReply =>
  reply.type('application/json; charset=utf-8').send(json);
