// Module hook behind feed-shims.mjs: bare specifiers (`@rstore/vue`, `superjson`, ...) imported
// from clients/ or bench/ resolve as if imported from src/test/ts.
const tools = new URL('../package.json', import.meta.url).href
const outside = ['../../../../clients/', '../../../../bench/'].map(path => new URL(path, import.meta.url).href)

export async function resolve(specifier, context, next) {
  const bare = !/^(\.|\/|#|[a-z][a-z0-9+.-]*:)/i.test(specifier)
  if (bare && context.parentURL && outside.some(prefix => context.parentURL.startsWith(prefix))) {
    return next(specifier, { ...context, parentURL: tools })
  }
  return next(specifier, context)
}
