// Module hooks behind nuxt-shims.mjs.
const config = 'export const apiPath = globalThis.__rivuletApiPath; export const dialect = "postgresql"; '
  + 'export const syncSerializeDateValue = undefined;'
const imports = 'export const useRequestFetch = () => globalThis.__rivuletFetch;'

export async function resolve(specifier, context, next) {
  if (specifier.startsWith('#build/$rstore-drizzle-config')) {
    return { url: 'data:text/javascript,' + encodeURIComponent(config), shortCircuit: true }
  }
  if (specifier === '#imports') {
    return { url: 'data:text/javascript,' + encodeURIComponent(imports), shortCircuit: true }
  }
  return next(specifier, context)
}

export async function load(url, context, next) {
  const loaded = await next(url, context)
  if (url.includes('/@rstore/nuxt-drizzle/dist/runtime/') && loaded.source) {
    return { ...loaded, source: String(loaded.source).replaceAll('import.meta.client', 'true') }
  }
  return loaded
}
