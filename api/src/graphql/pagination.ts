import type { ClassType } from 'type-graphql';
import { Field, Int, ObjectType } from 'type-graphql';
import { z } from 'zod';
import { badInput } from './errors';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

/** `first` as API.md fixes it: at most 100, never negative; asking for more is an error, not a truncation. */
export function pageSize(first: number | null | undefined, defaultSize = DEFAULT_PAGE_SIZE): number {
  if (first === null || first === undefined) return defaultSize;
  if (!Number.isInteger(first) || first < 0) throw badInput('`first` must be zero or a positive integer.', ['first']);
  if (first > MAX_PAGE_SIZE) throw badInput(`\`first\` may be at most ${MAX_PAGE_SIZE}.`, ['first']);
  return first;
}

/** Cursors are opaque to clients: base64url JSON of the keyset position. */
export function encodeCursor(position: unknown): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

export function decodeCursor<T>(cursor: string | null | undefined, schema: z.ZodType<T>, field = 'after'): T | null {
  if (cursor === null || cursor === undefined) return null;
  try {
    if (cursor.length > 500) throw new Error('too long');
    const parsed = schema.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    if (parsed.success) return parsed.data;
  } catch {
    // fall through to the one error below
  }
  throw badInput(`\`${field}\` is not a cursor this query returned.`, [field]);
}

/** The position most lists page by: a timestamp, and the row id that breaks its ties. */
export const timeIdCursor = z.object({ t: z.iso.datetime(), id: z.uuid() });
export type TimeIdCursor = z.infer<typeof timeIdCursor>;

/**
 * The Prisma condition for the rows after `cursor` in (`field`, id) order: newest first (`desc`)
 * or oldest first (`asc`). `W` is the model's where-input type.
 */
export function keysetAfter<W>(cursor: TimeIdCursor, field: string, order: 'asc' | 'desc' = 'desc'): W {
  const op = order === 'desc' ? 'lt' : 'gt';
  const at = new Date(cursor.t);
  return { OR: [{ [field]: { [op]: at } }, { [field]: at, id: { [op]: cursor.id } }] } as W;
}

@ObjectType({ description: 'Where a page of a connection sits in the whole list.' })
export class PageInfo {
  @Field(() => Boolean, { description: 'Whether more items follow this page.' })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: 'Whether items precede this page.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first item of this page.' })
  startCursor?: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item; pass it as `after` for the next page.' })
  endCursor?: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface ConnectionShape<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  /** A lazy getter: only queries that select it pay for counting. */
  readonly totalCount: Promise<number>;
}

/** A Relay connection type named `<name>Connection` with `<name>Edge` edges. */
export function Connection<T extends object>(name: string, nodeType: ClassType<T>, nodeDescription: string) {
  @ObjectType(`${name}Edge`, { description: `One ${nodeDescription} in a page, with its cursor.` })
  class EdgeType {
    @Field(() => String, { description: 'Opaque position of this item; use as `after`.' })
    cursor!: string;

    @Field(() => nodeType, { description: `The ${nodeDescription}.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${nodeDescription}s.` })
  class ConnectionType {
    @Field(() => [EdgeType], { description: 'The items of this page, in order.' })
    edges!: EdgeType[];

    @Field(() => PageInfo, { description: 'Paging state.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'How many items match in all (capped where noted by the field).' })
    totalCount!: number;
  }
  return ConnectionType;
}

/**
 * Builds a page from `limit + 1` fetched rows: the extra row only tells whether a next page exists.
 */
export function toConnection<Row, Node>(
  rows: Row[],
  limit: number,
  opts: { hasPrevious: boolean; cursorOf: (row: Row) => unknown; toNode: (row: Row) => Node; count: () => Promise<number> },
): ConnectionShape<Node> {
  const page = rows.slice(0, limit);
  const edges = page.map((row) => ({ cursor: encodeCursor(opts.cursorOf(row)), node: opts.toNode(row) }));
  let count: Promise<number> | undefined;
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > limit,
      hasPreviousPage: opts.hasPrevious,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    get totalCount() {
      return (count ??= opts.count());
    },
  };
}
