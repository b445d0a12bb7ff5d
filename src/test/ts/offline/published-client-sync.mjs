// The unchanged published offline client against a running Rivulet (issue #15, part 1):
// @rstore/vue 0.8.4 with @rstore/offline 0.8.4 and @rstore/nuxt-drizzle 0.8.4's REST and offline
// plugins, in Node with fake-indexeddb, exactly as a browser runs them.
//
// 1. ROWS todos are created on the server; the client holds all of them (in its IndexedDB, as
//    after its last sync, just now).
// 2. DELETED of them are deleted on the server (by another client).
// 3. The client goes offline and queues a create, an update and a delete.
// 4. It comes back online and syncs: the pull (the deletion check with every key it holds, then
//    the updatedAt delta) and then the replay of its queue.
// Prints one JSON line with what happened; exits 1 if the client's sync did not converge.
//   node --import ./offline/nuxt-shims.mjs offline/published-client-sync.mjs <base-url> [ROWS] [DELETED]
import { ofetch } from 'ofetch'
import { holdRows, serverBatch } from './node-client.mjs'

const base = process.argv[2].replace(/\/$/, '')
const ROWS = Number(process.argv[3] ?? 10000)
const DELETED = Number(process.argv[4] ?? 20)
const run = `offline-${Date.now()}`

const requests = []
globalThis.__rivuletApiPath = `${base}/api/rstore`
globalThis.__rivuletFetch = ofetch.create({
  onRequest: ({ request, options }) => {
    const query = new URLSearchParams(options.query ?? {}).toString()
    requests.push({ method: options.method ?? 'GET', url: String(request) + (query ? `?${query}` : '') })
    if (process.env.TRACE) console.error(options.method ?? 'GET', String(request), query.length)
  },
})

// --- the server's data, through its API
const api = ofetch.create({ baseURL: `${base}/api/rstore` })
const batch = operations => serverBatch(api, operations)
const serverRows = await batch(Array.from({ length: ROWS },
  (_, k) => ({ type: 'create', collection: 'todos', item: { title: `${run}-${k}`, completed: false } })))

// --- the client, holding every row (its IndexedDB as earlier syncs left it)
const { createStore } = await import('@rstore/vue')
const { createOfflinePlugin } = await import('@rstore/offline')
// the module's runtime plugins, which Nuxt adds to the app (the package does not export them)
const runtime = new URL('../node_modules/@rstore/nuxt-drizzle/dist/runtime/', import.meta.url)
const drizzle = (await import(new URL('plugin.js', runtime))).default
const drizzleOffline = (await import(new URL('plugin-offline.js', runtime))).default

await holdRows('todos', serverRows)

const store = await createStore({
  schema: [{ name: 'todos', meta: { primaryKeys: ['id'] } }],
  plugins: [drizzle, drizzleOffline, createOfflinePlugin({ filterCollection: c => c.name === 'todos' })],
})

// the app's start-up sync (syncImmediately), with every key the client holds
while (store.$syncState.isSyncing) await new Promise(resolve => setTimeout(resolve, 10))
const startupSyncError = store.$syncState.error ? String(store.$syncState.error.message ?? store.$syncState.error) : null

// --- another client deletes DELETED rows on the server
const deleted = serverRows.slice(0, DELETED).map(row => row.id)
await batch(deleted.map(id => ({ type: 'delete', collection: 'todos', key: String(id) })))

// --- offline: a create, an update and a delete are queued
navigator.onLine = false
const createdId = 900_000_000 + Math.floor(Math.random() * 90_000_000)
const renamed = serverRows[DELETED].id
const removed = serverRows[DELETED + 1].id
await store.todos.create({ id: createdId, title: `${run}-created-offline`, completed: false })
await store.todos.update({ id: renamed, title: `${run}-renamed-offline` })
await store.todos.delete(removed)

// --- online again: one sync
navigator.onLine = true
const started = performance.now()
requests.length = 0
await store.$sync()
const syncMs = Math.round(performance.now() - started)

// --- what the client holds, and what the server holds
const local = new Set(store.todos.peekMany().map(t => String(t.id)))
const missingLocally = serverRows.filter(r => !deleted.includes(r.id) && r.id !== removed && !local.has(String(r.id))).length
const deletedStillLocal = deleted.filter(id => local.has(String(id))).length
const get = id => api(`/todos/${id}`).catch(() => null)
const created = await get(createdId)
const renamedRow = await get(renamed)
const removedRow = await api.raw(`/todos/${removed}`, { ignoreResponseError: true })
const result = {
  rows: ROWS,
  deletedOnServer: DELETED,
  startupSyncError,
  syncError: store.$syncState.error ? String(store.$syncState.error.message ?? store.$syncState.error) : null,
  syncMs,
  requests: requests.length,
  longestUrl: Math.max(0, ...requests.map(r => r.url.length)),
  heldAfterSync: local.size,
  missingLocally,
  deletedStillLocal,
  replayedCreate: created?.title === `${run}-created-offline`,
  replayedUpdate: renamedRow?.title === `${run}-renamed-offline`,
  replayedDelete: removedRow.status === 204, // a get of a missing key answers 204 without a body (PROTOCOL §2)
}
console.log(JSON.stringify(result))
const ok = !startupSyncError && !result.syncError && missingLocally === 0 && deletedStillLocal === 0 && result.replayedCreate
  && result.replayedUpdate && result.replayedDelete && local.has(String(createdId))
process.exit(ok ? 0 : 1)
