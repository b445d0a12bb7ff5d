// What the example domain lacks, in Zero's types: compound-key relationships (one and many), a
// circular one, a two-hop one, every column type, and names that are not identifiers. The schema
// is generated from src/test/resources/schema/edge-description.json (TypeScriptSchemaIT).
import { Zero } from '@rocicorp/zero';
import { zql, type MembersRow, type TagsRow } from './schema';

const messages = zql.messages.related('sender').related('replyTo').related('tags');
const members = zql.members.related('sent', (q) => q.orderBy('id', 'asc')).where('level', '=', "it's");
const lines = zql['order-lines'].related('the-delete');

export async function read(z: Zero): Promise<string[]> {
  const out: string[] = [];
  for (const message of await z.run(messages)) {
    const sender: MembersRow | undefined = message.sender;
    const level: 'LOW' | "it's" | undefined = sender?.level;
    const joinedAt: number | undefined = sender?.joinedAt;
    const tags: TagsRow[] = [...message.tags];
    const replyTo: string | null | undefined = message.replyTo?.replyToId;
    out.push(`${level} ${joinedAt} ${tags.map((t) => t.name).join()} ${replyTo}`);
  }
  for (const member of await z.run(members)) {
    const sent: string[] = member.sent.map((m) => m.id);
    const birthday: number | null = member.birthday;
    const score: number | null = member.score;
    const admin: boolean = member.admin;
    out.push(`${member.orgId}::${member.userId} ${sent.join()} ${birthday} ${score} ${admin} ${JSON.stringify(member.profile)}`);
  }
  for (const line of await z.run(lines)) {
    const no: number = line['line no'];
    const className: string | undefined = line['the-delete']?.class;
    out.push(`${no} ${className}`);
  }
  return out;
}
