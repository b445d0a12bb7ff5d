// What Nuxt's build gives the published @rstore/nuxt-drizzle runtime plugins, for running them in
// plain Node: the virtual modules `#build/$rstore-drizzle-config` and `#imports`, and
// `import.meta.client` (Nuxt replaces it with `true` in the browser bundle). Nothing else of the
// packages is changed. Registered with `node --import ./offline/nuxt-shims.mjs`.
import { register } from 'node:module'

register(new URL('./nuxt-loader.mjs', import.meta.url))
