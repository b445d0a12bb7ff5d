// What the example domain lacks, in rstore's types: compound keys and compound-key relations, a
// circular relation, every column type, and names that are not identifiers. The file is generated
// from src/test/resources/schema/edge-description.json (TypeScriptSchemaIT).
import { createStore } from '@rstore/vue';
import { schema, type JsonValue, type MembersRow } from './rstore';

export async function read(): Promise<string[]> {
  const store = await createStore({ schema, plugins: [] });
  const message = await store.messages.findFirst({ key: 'm1', include: { sender: true, replyTo: true } });
  const level: 'LOW' | "it's" | undefined = message?.sender?.level;
  const replyTo: string | undefined = message?.replyTo?.id;

  const member = await store.members.findFirst('acme::7');
  const raw: MembersRow | undefined = member?.$raw();
  const sent: string[] = member?.sent.map((m) => m.senderOrgId) ?? [];
  const joinedAt: string | undefined = raw?.joinedAt;
  const birthday: string | null | undefined = raw?.birthday;
  const profile: JsonValue | null | undefined = raw?.profile;
  const key = member ? store.members.getKey(member) : undefined;

  const line = await store['order-lines'].findFirst(1);
  const no: number | undefined = line?.['line no'];
  const className: string | undefined = line?.['the-delete']?.class;
  const deleted = await store.delete.findFirst(1);
  return [`${level} ${replyTo} ${sent.join()} ${joinedAt} ${birthday} ${JSON.stringify(profile)} ${String(key)}`,
    `${no} ${className} ${deleted?.class}`];
}
