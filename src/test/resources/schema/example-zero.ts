// Zero schema of the Rivulet API, generated from the JPA metamodel. Do not edit:
// regenerate with `bin/schema-ts zero <file>` (or GET …/_schema.ts?target=zero).
//
// Tables and columns carry the collection and field names; from() names the database table
// or column where it differs. Column types follow Zero's Postgres type mapping
// (https://zero.rocicorp.dev/docs/postgres-support): integers and decimals number(), text and
// UUIDs string(), booleans boolean(), JSON json(), Java enums (stored as text)
// enumeration<...>(), and timestamps and dates number(), because zero-cache replicates them
// as epoch milliseconds. (Rivulet's REST API sends ISO strings instead: see target=rstore.)

import {
  boolean,
  createBuilder,
  createSchema,
  enumeration,
  json,
  number,
  relationships,
  string,
  table,
  type Row,
} from '@rocicorp/zero';

export const schemaVersion = 'f6284257082274e6';

const commentsTable = table('comments')
  .columns({
    id: number(),
    postId: number().from('post_id'),
    authorId: number().from('author_id'),
    parentId: number().from('parent_id').optional(),
    body: string(),
    approved: boolean(),
    createdAt: number().from('created_at'),
    updatedAt: number().from('updated_at'),
  })
  .primaryKey('id');

const labelsTable = table('labels')
  .columns({
    id: number(),
    name: string(),
    createdAt: number().from('created_at'),
    updatedAt: number().from('updated_at'),
  })
  .primaryKey('id');

const postLabelsTable = table('postLabels')
  .from('post_labels')
  .columns({
    postId: number().from('post_id'),
    labelId: number().from('label_id'),
    createdAt: number().from('created_at'),
    updatedAt: number().from('updated_at'),
  })
  .primaryKey('postId', 'labelId');

const postsTable = table('posts')
  .columns({
    id: number(),
    authorId: number().from('author_id'),
    title: string(),
    published: boolean(),
    createdAt: number().from('created_at'),
    updatedAt: number().from('updated_at'),
  })
  .primaryKey('id');

const projectsTable = table('projects')
  .columns({
    id: number(),
    teamId: number().from('team_id'),
    name: string(),
    createdAt: number().from('created_at'),
    updatedAt: number().from('updated_at'),
  })
  .primaryKey('id');

const secretsTable = table('secrets')
  .columns({
    id: number(),
    ownerId: number().from('owner_id'),
    value: string().from('secret_value'),
    createdAt: number().from('created_at'),
    updatedAt: number().from('updated_at'),
  })
  .primaryKey('id');

const teamsTable = table('teams')
  .columns({
    id: number(),
    name: string(),
    createdAt: number().from('created_at'),
    updatedAt: number().from('updated_at'),
  })
  .primaryKey('id');

const teamsToUsersTable = table('teamsToUsers')
  .from('teams_to_users')
  .columns({
    teamId: number().from('team_id'),
    userId: number().from('user_id'),
    role: string(),
    createdAt: number().from('created_at'),
    updatedAt: number().from('updated_at'),
  })
  .primaryKey('teamId', 'userId');

const todosTable = table('todos')
  .columns({
    id: number(),
    title: string(),
    completed: boolean(),
    createdAt: number().from('created_at'),
    updatedAt: number().from('updated_at'),
  })
  .primaryKey('id');

const usersTable = table('users')
  .columns({
    id: number(),
    name: string(),
    email: string(),
    nickName: string().from('nick_name').optional(),
    mood: enumeration<'happy' | 'sad' | 'taco'>().optional(),
    settings: json().optional(),
    createdAt: number().from('created_at'),
    updatedAt: number().from('updated_at'),
  })
  .primaryKey('id');

const commentsRelationships = relationships(commentsTable, ({one, many}) => ({
  post: one({
    sourceField: ['postId'],
    destField: ['id'],
    destSchema: postsTable,
  }),
  author: one({
    sourceField: ['authorId'],
    destField: ['id'],
    destSchema: usersTable,
  }),
  parent: one({
    sourceField: ['parentId'],
    destField: ['id'],
    destSchema: commentsTable,
  }),
  replies: many({
    sourceField: ['id'],
    destField: ['parentId'],
    destSchema: commentsTable,
  }),
}));

const labelsRelationships = relationships(labelsTable, ({many}) => ({
  posts: many(
    {
      sourceField: ['id'],
      destField: ['labelId'],
      destSchema: postLabelsTable,
    },
    {
      sourceField: ['postId'],
      destField: ['id'],
      destSchema: postsTable,
    },
  ),
}));

const postLabelsRelationships = relationships(postLabelsTable, ({one}) => ({
  post: one({
    sourceField: ['postId'],
    destField: ['id'],
    destSchema: postsTable,
  }),
  label: one({
    sourceField: ['labelId'],
    destField: ['id'],
    destSchema: labelsTable,
  }),
}));

const postsRelationships = relationships(postsTable, ({one, many}) => ({
  author: one({
    sourceField: ['authorId'],
    destField: ['id'],
    destSchema: usersTable,
  }),
  comments: many({
    sourceField: ['id'],
    destField: ['postId'],
    destSchema: commentsTable,
  }),
  labels: many(
    {
      sourceField: ['id'],
      destField: ['postId'],
      destSchema: postLabelsTable,
    },
    {
      sourceField: ['labelId'],
      destField: ['id'],
      destSchema: labelsTable,
    },
  ),
}));

const projectsRelationships = relationships(projectsTable, ({one}) => ({
  team: one({
    sourceField: ['teamId'],
    destField: ['id'],
    destSchema: teamsTable,
  }),
}));

const teamsRelationships = relationships(teamsTable, ({many}) => ({
  memberships: many({
    sourceField: ['id'],
    destField: ['teamId'],
    destSchema: teamsToUsersTable,
  }),
  projects: many({
    sourceField: ['id'],
    destField: ['teamId'],
    destSchema: projectsTable,
  }),
}));

const teamsToUsersRelationships = relationships(teamsToUsersTable, ({one}) => ({
  team: one({
    sourceField: ['teamId'],
    destField: ['id'],
    destSchema: teamsTable,
  }),
  user: one({
    sourceField: ['userId'],
    destField: ['id'],
    destSchema: usersTable,
  }),
}));

const usersRelationships = relationships(usersTable, ({many}) => ({
  posts: many({
    sourceField: ['id'],
    destField: ['authorId'],
    destSchema: postsTable,
  }),
  comments: many({
    sourceField: ['id'],
    destField: ['authorId'],
    destSchema: commentsTable,
  }),
  memberships: many({
    sourceField: ['id'],
    destField: ['userId'],
    destSchema: teamsToUsersTable,
  }),
}));

export const schema = createSchema({
  tables: [
    commentsTable,
    labelsTable,
    postLabelsTable,
    postsTable,
    projectsTable,
    secretsTable,
    teamsTable,
    teamsToUsersTable,
    todosTable,
    usersTable,
  ],
  relationships: [
    commentsRelationships,
    labelsRelationships,
    postLabelsRelationships,
    postsRelationships,
    projectsRelationships,
    teamsRelationships,
    teamsToUsersRelationships,
    usersRelationships,
  ],
});

export type Schema = typeof schema;

/** A row of the comments collection, as Zero reads it. */
export type CommentsRow = Row<Schema['tables']['comments']>;

/** A row of the labels collection, as Zero reads it. */
export type LabelsRow = Row<Schema['tables']['labels']>;

/** A row of the postLabels collection, as Zero reads it. */
export type PostLabelsRow = Row<Schema['tables']['postLabels']>;

/** A row of the posts collection, as Zero reads it. */
export type PostsRow = Row<Schema['tables']['posts']>;

/** A row of the projects collection, as Zero reads it. */
export type ProjectsRow = Row<Schema['tables']['projects']>;

/** A row of the secrets collection, as Zero reads it. */
export type SecretsRow = Row<Schema['tables']['secrets']>;

/** A row of the teams collection, as Zero reads it. */
export type TeamsRow = Row<Schema['tables']['teams']>;

/** A row of the teamsToUsers collection, as Zero reads it. */
export type TeamsToUsersRow = Row<Schema['tables']['teamsToUsers']>;

/** A row of the todos collection, as Zero reads it. */
export type TodosRow = Row<Schema['tables']['todos']>;

/** A row of the users collection, as Zero reads it. */
export type UsersRow = Row<Schema['tables']['users']>;

/** The ZQL query builder of this schema: zql.<table>.where(...).related(...). */
export const zql = createBuilder(schema);

declare module '@rocicorp/zero' {
  interface DefaultTypes {
    schema: Schema;
  }
}
