// Wrong uses of the generated rstore file: TypeScriptSchemaIT expects tsc to report an error on
// every line marked "// error".
import { createStore } from '@rstore/vue';
import { schema, type PostsRow, type UsersRow } from '../rstore';

export async function wrong(): Promise<void> {
  const store = await createStore({ schema, plugins: [] });
  await store.posts.query((q) => q.many({ include: { nope: true } })); // error
  // rstore has no many-to-many relation: posts.labels is left out of the rstore file
  await store.posts.query((q) => q.many({ include: { labels: true } })); // error
  const user: UsersRow = { id: 1, name: 'n', email: 'e', nickName: null, mood: 'angry', settings: null, createdAt: '', updatedAt: '' }; // error
  const created: number = (null as unknown as PostsRow).createdAt; // error
  console.log(user, created);
}
