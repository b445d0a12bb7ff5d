// rstore collections of the Rivulet API, generated from the JPA metamodel. Do not edit:
// regenerate with `bin/schema-ts rstore <file>` (or GET …/_schema.ts?target=rstore).
//
// For @rstore/vue without a Drizzle schema: createStore({ schema, plugins }). Row types are
// the rows of Rivulet's REST API: timestamps are ISO-8601 strings, dates 'YYYY-MM-DD', JSON
// columns JsonValue, optional fields `| null`. getKey is the API's key (a compound key is its
// fields joined with '::', e.g. '7::42'). Relations are rstore's one-hop form
// { to: { target: { on: { targetField: sourceField } } }, many }.
// rstore has no many-to-many relation; left out here (use the junction collection):
//   labels.posts (through postLabels)
//   posts.labels (through postLabels)

import { defineRelations, withItemType, type StoreSchema } from '@rstore/vue';

export const schemaVersion = 'f6284257082274e6';

/** A JSON value (JSON columns). */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** The API's key of a compound key: its fields joined with '::' (none while one is missing). */
function compoundKey(...fields: ReadonlyArray<string | number | null | undefined>): string | undefined {
  return fields.some((field) => field == null) ? undefined : fields.join('::');
}

/** A row of the comments collection, as the REST API sends it. */
export interface CommentsRow {
  id: number;
  postId: number;
  authorId: number;
  parentId: number | null;
  body: string;
  approved: boolean;
  /** ISO-8601 date-time */
  createdAt: string;
  /** ISO-8601 date-time */
  updatedAt: string;
}

export const commentsCollection = withItemType<CommentsRow>().defineCollection({
  name: 'comments',
  getKey: (item) => item.id,
});

/** A row of the labels collection, as the REST API sends it. */
export interface LabelsRow {
  id: number;
  name: string;
  /** ISO-8601 date-time */
  createdAt: string;
  /** ISO-8601 date-time */
  updatedAt: string;
}

export const labelsCollection = withItemType<LabelsRow>().defineCollection({
  name: 'labels',
  getKey: (item) => item.id,
});

/** A row of the postLabels collection, as the REST API sends it. */
export interface PostLabelsRow {
  postId: number;
  labelId: number;
  /** ISO-8601 date-time */
  createdAt: string;
  /** ISO-8601 date-time */
  updatedAt: string;
}

export const postLabelsCollection = withItemType<PostLabelsRow>().defineCollection({
  name: 'postLabels',
  getKey: (item) => compoundKey(item.postId, item.labelId),
});

/** A row of the posts collection, as the REST API sends it. */
export interface PostsRow {
  id: number;
  authorId: number;
  title: string;
  published: boolean;
  /** ISO-8601 date-time */
  createdAt: string;
  /** ISO-8601 date-time */
  updatedAt: string;
}

export const postsCollection = withItemType<PostsRow>().defineCollection({
  name: 'posts',
  getKey: (item) => item.id,
});

/** A row of the projects collection, as the REST API sends it. */
export interface ProjectsRow {
  id: number;
  teamId: number;
  name: string;
  /** ISO-8601 date-time */
  createdAt: string;
  /** ISO-8601 date-time */
  updatedAt: string;
}

export const projectsCollection = withItemType<ProjectsRow>().defineCollection({
  name: 'projects',
  getKey: (item) => item.id,
});

/** A row of the secrets collection, as the REST API sends it. */
export interface SecretsRow {
  id: number;
  ownerId: number;
  value: string;
  /** ISO-8601 date-time */
  createdAt: string;
  /** ISO-8601 date-time */
  updatedAt: string;
}

export const secretsCollection = withItemType<SecretsRow>().defineCollection({
  name: 'secrets',
  getKey: (item) => item.id,
});

/** A row of the teams collection, as the REST API sends it. */
export interface TeamsRow {
  id: number;
  name: string;
  /** ISO-8601 date-time */
  createdAt: string;
  /** ISO-8601 date-time */
  updatedAt: string;
}

export const teamsCollection = withItemType<TeamsRow>().defineCollection({
  name: 'teams',
  getKey: (item) => item.id,
});

/** A row of the teamsToUsers collection, as the REST API sends it. */
export interface TeamsToUsersRow {
  teamId: number;
  userId: number;
  role: string;
  /** ISO-8601 date-time */
  createdAt: string;
  /** ISO-8601 date-time */
  updatedAt: string;
}

export const teamsToUsersCollection = withItemType<TeamsToUsersRow>().defineCollection({
  name: 'teamsToUsers',
  getKey: (item) => compoundKey(item.teamId, item.userId),
});

/** A row of the todos collection, as the REST API sends it. */
export interface TodosRow {
  id: number;
  title: string;
  completed: boolean;
  /** ISO-8601 date-time */
  createdAt: string;
  /** ISO-8601 date-time */
  updatedAt: string;
}

export const todosCollection = withItemType<TodosRow>().defineCollection({
  name: 'todos',
  getKey: (item) => item.id,
});

/** A row of the users collection, as the REST API sends it. */
export interface UsersRow {
  id: number;
  name: string;
  email: string;
  nickName: string | null;
  mood: 'happy' | 'sad' | 'taco' | null;
  settings: JsonValue | null;
  /** ISO-8601 date-time */
  createdAt: string;
  /** ISO-8601 date-time */
  updatedAt: string;
}

export const usersCollection = withItemType<UsersRow>().defineCollection({
  name: 'users',
  getKey: (item) => item.id,
});

export const commentsRelations = defineRelations(commentsCollection, ({ collection }) => ({
  post: {
    to: collection(postsCollection, {
      on: {
        'posts.id': 'comments.postId',
      },
    }),
  },
  author: {
    to: collection(usersCollection, {
      on: {
        'users.id': 'comments.authorId',
      },
    }),
  },
  parent: {
    to: collection(commentsCollection, {
      on: {
        'comments.id': 'comments.parentId',
      },
    }),
  },
  replies: {
    to: collection(commentsCollection, {
      on: {
        'comments.parentId': 'comments.id',
      },
    }),
    many: true,
  },
}));

export const postLabelsRelations = defineRelations(postLabelsCollection, ({ collection }) => ({
  post: {
    to: collection(postsCollection, {
      on: {
        'posts.id': 'postLabels.postId',
      },
    }),
  },
  label: {
    to: collection(labelsCollection, {
      on: {
        'labels.id': 'postLabels.labelId',
      },
    }),
  },
}));

export const postsRelations = defineRelations(postsCollection, ({ collection }) => ({
  author: {
    to: collection(usersCollection, {
      on: {
        'users.id': 'posts.authorId',
      },
    }),
  },
  comments: {
    to: collection(commentsCollection, {
      on: {
        'comments.postId': 'posts.id',
      },
    }),
    many: true,
  },
}));

export const projectsRelations = defineRelations(projectsCollection, ({ collection }) => ({
  team: {
    to: collection(teamsCollection, {
      on: {
        'teams.id': 'projects.teamId',
      },
    }),
  },
}));

export const teamsRelations = defineRelations(teamsCollection, ({ collection }) => ({
  memberships: {
    to: collection(teamsToUsersCollection, {
      on: {
        'teamsToUsers.teamId': 'teams.id',
      },
    }),
    many: true,
  },
  projects: {
    to: collection(projectsCollection, {
      on: {
        'projects.teamId': 'teams.id',
      },
    }),
    many: true,
  },
}));

export const teamsToUsersRelations = defineRelations(teamsToUsersCollection, ({ collection }) => ({
  team: {
    to: collection(teamsCollection, {
      on: {
        'teams.id': 'teamsToUsers.teamId',
      },
    }),
  },
  user: {
    to: collection(usersCollection, {
      on: {
        'users.id': 'teamsToUsers.userId',
      },
    }),
  },
}));

export const usersRelations = defineRelations(usersCollection, ({ collection }) => ({
  posts: {
    to: collection(postsCollection, {
      on: {
        'posts.authorId': 'users.id',
      },
    }),
    many: true,
  },
  comments: {
    to: collection(commentsCollection, {
      on: {
        'comments.authorId': 'users.id',
      },
    }),
    many: true,
  },
  memberships: {
    to: collection(teamsToUsersCollection, {
      on: {
        'teamsToUsers.userId': 'users.id',
      },
    }),
    many: true,
  },
}));

/** Every collection and its relations: createStore({ schema, plugins }). */
export const schema = [
  commentsCollection,
  labelsCollection,
  postLabelsCollection,
  postsCollection,
  projectsCollection,
  secretsCollection,
  teamsCollection,
  teamsToUsersCollection,
  todosCollection,
  usersCollection,
  commentsRelations,
  postLabelsRelations,
  postsRelations,
  projectsRelations,
  teamsRelations,
  teamsToUsersRelations,
  usersRelations,
] satisfies StoreSchema;
