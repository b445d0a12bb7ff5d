// One offline sync of a client holding ROWS todos after CHANGED of them were updated and DELETED
// deleted on the server, with the published client (@rstore/vue 0.8.4, @rstore/offline 0.8.4,
// @rstore/nuxt-drizzle 0.8.4's REST plugin, in Node with fake-indexeddb) and one of two pulls:
//   published  nuxt-drizzle's plugin-offline.js: a key lookup of every held key, then a list
//              `updatedAt >= <the client's clock at its last sync>` (published-client-sync.mjs)
//   feed       clients/rstore-offline's plugin: GET /api/rstore/todos/_changes?since=<cursor>
// The client's state before: its IndexedDB holds the ROWS rows, as its last sync left them (the
// published pull: the rows written into IndexedDB and the metadata set to now; the feed: a first,
// unmeasured, sync through the feed). Counted over the measured sync, with a wrapped fetch: the
// requests, the bytes sent (URL, headers, body) and received (response bodies, as decoded), the
// milliseconds spent in them (requestMs) and those of the whole store.$sync() (ms: with loading
// the held rows from IndexedDB into the cache, which both do). Prints one JSON line; deletes its
// rows on the server at the end.
//   cd src/test/ts && node --import ./offline/feed-shims.mjs ../../../bench/offline-sync/sync-bench.mjs <base-url> <feed|published> [ROWS] [CHANGED] [DELETED]
import { ofetch } from 'ofetch'
import { holdRows, serverBatch } from '../../src/test/ts/offline/node-client.mjs'

const base = process.argv[2].replace(/\/$/, '')
const variant = process.argv[3]
const ROWS = Number(process.argv[4] ?? 10000)
const CHANGED = Number(process.argv[5] ?? 100)
const DELETED = Number(process.argv[6] ?? 20)
if (!['feed', 'published'].includes(variant)) throw new Error(`variant must be feed or published, not ${variant}`)
const run = `bench-${variant}-${Date.now()}`

// the client's fetch (both plugins), counting what goes over the wire
const traffic = { requests: 0, bytesSent: 0, bytesReceived: 0, requestMs: 0 }
const realFetch = globalThis.fetch
const bytes = text => Buffer.byteLength(text, 'utf8')
async function countingFetch(input, init = {}) {
  const url = String(input instanceof Request ? input.url : input)
  const method = init.method ?? 'GET'
  traffic.requests++
  traffic.bytesSent += bytes(`${method} ${url} HTTP/1.1\r\n`)
  new Headers(init.headers).forEach((value, name) => { traffic.bytesSent += bytes(`${name}: ${value}\r\n`) })
  if (init.body != null) traffic.bytesSent += typeof init.body === 'string' ? bytes(init.body) : init.body.byteLength ?? 0
  const started = performance.now()
  const response = await realFetch(input, init)
  const body = await response.arrayBuffer()
  traffic.requestMs += performance.now() - started
  traffic.bytesReceived += body.byteLength
  const empty = [101, 204, 205, 304].includes(response.status)
  return new Response(empty ? null : body, { status: response.status, statusText: response.statusText, headers: response.headers })
}
const apiPath = `${base}/api/rstore`
globalThis.__rivuletApiPath = apiPath
globalThis.__rivuletFetch = ofetch.create({}, { fetch: countingFetch })

// --- the server's data, through its API (another client; not counted)
const api = ofetch.create({ baseURL: apiPath })
const batch = operations => serverBatch(api, operations)
const rows = await batch(Array.from({ length: ROWS }, (_, i) => ({ type: 'create', collection: 'todos', item: { title: `${run}-${i}`, completed: false } })))

// --- the client
const { createStore } = await import('@rstore/vue')
const { createOfflinePlugin } = await import('@rstore/offline')
const runtime = new URL('../../src/test/ts/node_modules/@rstore/nuxt-drizzle/dist/runtime/', import.meta.url)
const drizzle = (await import(new URL('plugin.js', runtime))).default
const todos = c => c.name === 'todos'
let pull
if (variant === 'published') {
  pull = (await import(new URL('plugin-offline.js', runtime))).default
  await holdRows('todos', rows)
} else {
  const { createRivuletFeedPlugin } = await import(new URL('../../clients/rstore-offline/dist/index.js', import.meta.url))
  pull = createRivuletFeedPlugin({ apiPath, fetch: countingFetch, filterCollection: todos })
}
const store = await createStore({
  schema: [{ name: 'todos', meta: { primaryKeys: ['id'] } }],
  plugins: [drizzle, pull, createOfflinePlugin({ filterCollection: todos })],
})
while (store.$syncState.isSyncing) await new Promise(resolve => setTimeout(resolve, 10)) // start-up sync (feed: the first)
if (store.$syncState.error) throw store.$syncState.error

// --- another client changes CHANGED and deletes DELETED of the rows
const changed = rows.slice(DELETED, DELETED + CHANGED).map(row => row.id)
const deleted = rows.slice(0, DELETED).map(row => row.id)
await batch(changed.map(id => ({ type: 'update', collection: 'todos', key: String(id), item: { title: `${run}-changed` } })))
await batch(deleted.map(id => ({ type: 'delete', collection: 'todos', key: String(id) })))

// --- the measured sync
const held = store.todos.peekMany().length
Object.assign(traffic, { requests: 0, bytesSent: 0, bytesReceived: 0, requestMs: 0 })
const started = performance.now()
await store.$sync()
const ms = Math.round(performance.now() - started)
const error = store.$syncState.error ? String(store.$syncState.error.message ?? store.$syncState.error) : null
const correct = !error && changed.every(id => store.todos.peekFirst(id)?.title === `${run}-changed`)
  && deleted.every(id => !store.todos.peekFirst(id))
console.log(JSON.stringify({ variant, held, changed: CHANGED, deleted: DELETED, ...traffic, requestMs: Math.round(traffic.requestMs), ms, correct, error }))

await batch(rows.slice(DELETED).map(row => ({ type: 'delete', collection: 'todos', key: String(row.id) }))) // clean up
process.exit(correct ? 0 : 1)
