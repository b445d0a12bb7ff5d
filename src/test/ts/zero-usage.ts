// A Zero app's use of the generated schema.ts (GET /api/rstore/_schema.ts?target=zero):
// TypeScriptSchemaIT type-checks it with tsc --strict against @rocicorp/zero. Every relationship
// of the example domain is followed once with related(), and every result is read into an
// explicitly typed variable, so a renamed field, relationship or type fails the check.
import { Zero, defineQueries, defineQuery } from '@rocicorp/zero';
import { schema, schemaVersion, zql, type CommentsRow, type UsersRow } from './schema';

type Mood = 'happy' | 'sad' | 'taco';

const users = zql.users
  .where('mood', '=', 'happy')
  .related('posts', (q) => q.orderBy('createdAt', 'desc'))
  .related('comments')
  .related('memberships', (q) => q.related('team'));
const posts = zql.posts.related('author').related('comments').related('labels');
const comments = zql.comments.related('post').related('author').related('parent').related('replies');
const labels = zql.labels.related('posts');
const postLabels = zql.postLabels.related('post').related('label');
const teams = zql.teams.related('memberships').related('projects');
const memberships = zql.teamsToUsers.related('team').related('user').related('assignments');
const projects = zql.projects.related('team');
// a relationship over a compound key (teamId, userId)
const assignments = zql.assignments.related('project').related('membership', (q) => q.related('user'));

export const queries = defineQueries({
  moodyUsers: defineQuery(() => zql.users.where('mood', 'IN', ['sad', 'taco']).where('nickName', 'IS', null)),
});

export async function read(z: Zero): Promise<string[]> {
  const lines: string[] = [`schema ${schemaVersion}`];

  for (const user of await z.run(users)) {
    const mood: Mood | null = user.mood;
    const titles: string[] = user.posts.map((post) => post.title);
    const bodies: string[] = user.comments.map((comment) => comment.body);
    const teamNames: (string | undefined)[] = user.memberships.map((m) => m.team?.name);
    lines.push(`${user.name} ${mood ?? '-'} ${titles.length} ${bodies.length} ${teamNames.join()}`);
  }
  for (const post of await z.run(posts)) {
    const author: UsersRow | undefined = post.author;
    const labelNames: string[] = post.labels.map((label) => label.name);
    const commentIds: number[] = post.comments.map((comment) => comment.id);
    // Zero holds timestamps as epoch milliseconds
    const created: number = post.createdAt;
    lines.push(`${post.title} ${author?.email ?? '-'} ${labelNames.join()} ${commentIds.length} ${created}`);
  }
  const comment = await z.run(comments.one());
  const parent: CommentsRow | undefined = comment?.parent;
  const replies: number[] = comment?.replies.map((reply) => reply.id) ?? [];
  const postTitle: string | undefined = comment?.post?.title;
  const authorName: string | undefined = comment?.author?.name;
  lines.push(`${parent?.body ?? '-'} ${replies.length} ${postTitle ?? '-'} ${authorName ?? '-'}`);

  for (const label of await z.run(labels)) {
    const published: boolean[] = label.posts.map((post) => post.published);
    lines.push(`${label.name} ${published.length}`);
  }
  for (const link of await z.run(postLabels)) {
    lines.push(`${link.postId}::${link.labelId} ${link.post?.title ?? '-'} ${link.label?.name ?? '-'}`);
  }
  for (const team of await z.run(teams)) {
    const roles: string[] = team.memberships.map((m) => m.role);
    const projectNames: string[] = team.projects.map((project) => project.name);
    lines.push(`${team.name} ${roles.join()} ${projectNames.join()}`);
  }
  for (const membership of await z.run(memberships)) {
    const userId: number = membership.userId;
    const projectIds: number[] = membership.assignments.map((a) => a.projectId);
    lines.push(`${membership.team?.name ?? '-'} ${membership.user?.nickName ?? '-'} ${userId} ${projectIds.join()}`);
  }
  for (const project of await z.run(projects)) {
    lines.push(`${project.name} ${project.team?.name ?? '-'}`);
  }
  for (const assignment of await z.run(assignments)) {
    const role: string | undefined = assignment.membership?.role;
    lines.push(`${assignment.project?.name ?? '-'} ${role ?? '-'} ${assignment.membership?.user?.name ?? '-'}`);
  }
  for (const user of await z.run(queries.moodyUsers())) {
    const settings = user.settings;
    lines.push(`${user.id} ${JSON.stringify(settings)}`);
  }
  return lines;
}

export function connect(): Zero {
  return new Zero({ schema, userID: 'anon', cacheURL: 'http://localhost:4848' });
}
