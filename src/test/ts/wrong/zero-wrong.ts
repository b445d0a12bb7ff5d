// Wrong uses of the generated Zero schema: TypeScriptSchemaIT expects tsc to report an error on
// every line marked "// error" (the check has teeth).
import { zql, type PostsRow } from '../schema';

export const unknownRelationship = zql.posts.related('nope'); // error
export const hiddenField = zql.users.where('passwordHash', '=', 'x'); // error
export const notAMood = zql.users.where('mood', '=', 'angry'); // error
export const createdIsANumber: string = (null as unknown as PostsRow).createdAt; // error
