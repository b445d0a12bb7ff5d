// A Vue app's use of the generated rstore.ts (GET /api/rstore/_schema.ts?target=rstore) with
// @rstore/vue and no Drizzle schema: TypeScriptSchemaIT type-checks it with tsc --strict. It
// creates a store from the generated schema, follows every relation rstore can express, and
// reads results into explicitly typed variables, so a renamed field or relation fails the check.
import { createApp } from 'vue';
import { createStore, definePlugin, RstorePlugin, type VueStore } from '@rstore/vue';
import { schema, schemaVersion, type PostsRow, type TeamsToUsersRow, type UsersRow } from './rstore';

/** A minimal REST plugin for Rivulet's routes (a real app also sends superjson queries). */
const rivulet = definePlugin({
  name: 'rivulet',
  setup({ hook }) {
    hook('fetchMany', async ({ collection, setResult }) => {
      const response = await fetch(`/api/rstore/${collection.name}`, {
        headers: { 'X-Rivulet-Schema-Version': schemaVersion },
      });
      setResult(await response.json());
    });
    hook('fetchFirst', async ({ collection, key, setResult }) => {
      if (key != null) {
        setResult(await (await fetch(`/api/rstore/${collection.name}/${key}`)).json());
      }
    });
  },
});

declare module '@rstore/vue' {
  export function useStore(): VueStore<typeof schema>;
}

export async function read(): Promise<string[]> {
  const store = await createStore({ schema, plugins: [rivulet] });
  createApp({}).use(RstorePlugin, { store });
  const lines: string[] = [];

  const { data: posts } = await store.posts.query((q) =>
    q.many({ include: { author: true, comments: { author: true, replies: true } } }));
  for (const post of posts.value) {
    const row: PostsRow = post.$raw();
    // the REST API sends timestamps as ISO strings
    const created: string = post.createdAt;
    const author: string | undefined = post.author?.name;
    const commenters: (string | undefined)[] = post.comments.map((c) => c.author?.email);
    lines.push(`${row.title} ${created} ${author ?? '-'} ${commenters.join()}`);
  }

  const user = await store.users.findFirst({ key: 1, include: { posts: true, comments: true, memberships: true } });
  if (user) {
    const raw: UsersRow = user.$raw();
    const mood: 'happy' | 'sad' | 'taco' | null = user.mood;
    const titles: string[] = user.posts.map((p) => p.title);
    const bodies: string[] = user.comments.map((c) => c.body);
    const roles: string[] = user.memberships.map((m) => m.role);
    lines.push(`${raw.name} ${mood ?? '-'} ${titles.join()} ${bodies.join()} ${roles.join()}`);
  }

  const comment = await store.comments.findFirst(1);
  const parentBody: string | undefined = comment?.parent?.body;
  const replyIds: number[] = comment?.replies.map((r) => r.id) ?? [];
  const postTitle: string | undefined = comment?.post?.title;
  lines.push(`${parentBody ?? '-'} ${replyIds.join()} ${postTitle ?? '-'}`);

  const link = await store.postLabels.findFirst('7::42');
  lines.push(`${link?.post?.title ?? '-'} ${link?.label?.name ?? '-'}`);

  const membership = await store.teamsToUsers.findFirst({ key: '7::42', include: { team: true, user: true, assignments: true } });
  const member: TeamsToUsersRow | undefined = membership?.$raw();
  // the compound key, as the API spells it: '7::42'
  const key = membership ? store.teamsToUsers.getKey(membership) : undefined;
  lines.push(`${String(key)} ${member?.role ?? '-'} ${membership?.team?.name ?? '-'} ${membership?.user?.nickName ?? '-'}`);

  const { data: teams } = await store.teams.query((q) => q.many({ include: { memberships: true, projects: true } }));
  for (const team of teams.value) {
    const projectNames: string[] = team.projects.map((p) => p.name);
    lines.push(`${team.name} ${team.memberships.length} ${projectNames.join()}`);
  }
  const project = await store.projects.findFirst(1);
  lines.push(project?.team?.name ?? '-');

  // a relation over a compound key: assignments.membership → teamsToUsers (teamId, userId)
  const assignment = await store.assignments.findFirst({ key: 1, include: { membership: true, project: true } });
  const projectIds: number[] = membership?.assignments.map((a) => a.projectId) ?? [];
  lines.push(`${assignment?.membership?.role ?? '-'} ${assignment?.project?.name ?? '-'} ${projectIds.join()}`);

  const todo = await store.todos.create({ title: 'typed', completed: false });
  const completed: boolean = todo.completed;
  lines.push(`${todo.id} ${completed}`);
  return lines;
}
