// The shims of published-client-sync.mjs (nuxt-shims.mjs), plus one rule for the changes-feed
// scripts: the packages imported by files outside src/test/ts (the feed plugin's build in
// clients/rstore-offline/dist, the benchmark in bench/offline-sync) are resolved from
// src/test/ts/node_modules, so that one copy of each is loaded, as in an app's deduped install.
//   node --import ./offline/feed-shims.mjs offline/feed-client-sync.mjs <base-url>
import { register } from 'node:module'
import './nuxt-shims.mjs'

register(new URL('./feed-loader.mjs', import.meta.url))
