// The offline client with Rivulet's changes feed (issue #15, part 3) against a running Rivulet:
// @rstore/vue 0.8.4 with @rstore/offline 0.8.4 and @rstore/nuxt-drizzle 0.8.4's REST plugin, in
// Node with fake-indexeddb, exactly as published-client-sync.mjs runs them, but with
// clients/rstore-offline's plugin (its build, dist/) instead of nuxt-drizzle's plugin-offline.js.
//
// a. ROWS todos are created on the server; the client's first sync pulls them through the feed;
//    DELETED of them are deleted on the server; the next sync leaves the client with exactly the
//    server's rows, and no request carries the held keys.
// b. With the client's clock 5 minutes ahead, then 5 minutes behind, rows the server updates
//    between two syncs all arrive.
// c. A delta of DELTA updated rows arrives whole, in pages of 1,000 (_changes requests counted).
// d. A cursor the server rejects (409 reset) makes the client pull from the start and delete the
//    local rows the server does not have; so does a damaged one (400 Invalid cursor).
// e. reject-stale `notes`: an offline edit of a note that another client updated meanwhile ends with
//    the server's row and an empty queue; two offline edits of another note both replay.
// f. The rest is unchanged: an offline create, update and delete of todos replay.
// Prints one JSON line with what happened; exits 1 if any check failed (listed in `failures`).
//   node --import ./offline/feed-shims.mjs offline/feed-client-sync.mjs <base-url> [ROWS] [DELETED] [DELTA]
import { ofetch } from 'ofetch'
import SuperJSON from 'superjson'
import { serverBatch } from './node-client.mjs'

const base = process.argv[2].replace(/\/$/, '')
const ROWS = Number(process.argv[3] ?? 10000)
const DELETED = Number(process.argv[4] ?? 500)
const DELTA = Number(process.argv[5] ?? 3000)
const run = `feed-${Date.now()}`
const failures = []
const check = (name, ok, detail) => {
  if (!ok) failures.push(detail === undefined ? name : `${name}: ${JSON.stringify(detail)}`)
  if (process.env.TRACE || !ok) console.error(ok ? 'ok  ' : 'FAIL', name, ok ? '' : JSON.stringify(detail) ?? '')
}

// --- the browser around the client (node-client.mjs), with a clock that can be set off
const RealDate = Date
let skewMs = 0
globalThis.Date = class SkewedDate extends RealDate {
  constructor(...args) {
    if (args.length === 0) super(RealDate.now() + skewMs)
    else super(...args)
  }

  static now() {
    return RealDate.now() + skewMs
  }
}

// every request of the client (nuxt-drizzle's REST plugin and the feed plugin), with its status
const requests = []
const realFetch = globalThis.fetch
const clientFetch = async (input, init) => {
  const request = { method: init?.method ?? 'GET', url: String(input instanceof Request ? input.url : input) }
  requests.push(request)
  const response = await realFetch(input, init)
  request.status = response.status
  if (process.env.TRACE) console.error(request.method, request.url.slice(0, 160), response.status)
  return response
}
const apiPath = `${base}/api/rstore`
globalThis.__rivuletApiPath = apiPath
globalThis.__rivuletFetch = ofetch.create({}, { fetch: clientFetch })

// --- the server's data, through its API (another client)
const api = ofetch.create({ baseURL: apiPath })
const batch = operations => serverBatch(api, operations)
const create = (collection, items) => batch(items.map(item => ({ type: 'create', collection, item })))
const update = (collection, ids, item) => batch(ids.map(id => ({ type: 'update', collection, key: String(id), item })))
const remove = (collection, ids) => batch(ids.map(id => ({ type: 'delete', collection, key: String(id) })))
/** Every row of a collection the server has (id → row), read 1,000 at a time by the REST list. */
async function serverRows(collection) {
  const rows = new Map()
  for (let offset = 0; ; offset += 1000) {
    const page = await api(`/${collection}`, { query: { superjson: SuperJSON.stringify({ orderBy: ['id.asc'], limit: 1000, offset }) } })
    for (const row of page) rows.set(String(row.id), row)
    if (page.length < 1000) return rows
  }
}

// --- IndexedDB as @rstore/offline lays it out: a database per collection, and one for its queue
function idb(name, mode, work) {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(name, 1)
    open.onupgradeneeded = () => open.result.createObjectStore('items')
    open.onerror = () => reject(open.error)
    open.onsuccess = () => {
      const tx = open.result.transaction(['items'], mode)
      const result = work(tx.objectStore('items'))
      tx.oncomplete = () => {
        open.result.close()
        resolve(result?.result)
      }
      tx.onerror = () => reject(tx.error)
    }
  })
}
const stored = collection => idb(`rstore-offline-${collection}`, 'readonly', items => items.getAll())
const queued = () => idb('rstore-offline-rstore-offline-ops-queue', 'readonly', items => items.getAll())

// --- the client: nuxt-drizzle's REST plugin, the feed plugin, @rstore/offline
const { createStore } = await import('@rstore/vue')
const { createOfflinePlugin } = await import('@rstore/offline')
const drizzle = (await import(new URL('../node_modules/@rstore/nuxt-drizzle/dist/runtime/plugin.js', import.meta.url))).default
const { createRivuletFeedPlugin } = await import(new URL('../../../../clients/rstore-offline/dist/index.js', import.meta.url))
const offlineCollections = c => c.name === 'todos' || c.name === 'notes'
const conflicts = []

/** What the client holds of a collection (its cache and its IndexedDB) against the server's rows. */
async function compare(collection, fields = ['title']) {
  const server = await serverRows(collection)
  const held = new Map(store[collection].peekMany().map(row => [String(row.id), row]))
  const kept = new Map((await stored(collection)).map(row => [String(row.id), row]))
  let missing = 0
  let stale = 0
  for (const [id, row] of server) {
    const h = held.get(id)
    const k = kept.get(id)
    if (!h || !k) missing++
    else if (fields.some(f => h[f] !== row[f] || k[f] !== row[f])) stale++
  }
  const extra = [...new Set([...held.keys(), ...kept.keys()])].filter(id => !server.has(id)).length
  return { server: server.size, held: held.size, stored: kept.size, missing, extra, stale }
}
const converged = c => c.missing === 0 && c.extra === 0 && c.stale === 0

/** Requests of the sync just done: all of them, the feed's of todos, the longest URL, whether any sent keys. */
function traffic() {
  const todos = requests.filter(r => r.url.includes('/todos/_changes'))
  return {
    requests: requests.length,
    changesRequests: todos.length,
    resets: todos.filter(r => r.status === 409).length,
    invalidCursors: todos.filter(r => r.status === 400).length,
    longestUrl: Math.max(0, ...requests.map(r => r.url.length)),
    keysSent: requests.some(r => /[?&]keys=|"keys"/.test(decodeURIComponent(r.url))),
  }
}
const syncError = () => (store.$syncState.error ? String(store.$syncState.error.message ?? store.$syncState.error) : null)
async function sync() {
  requests.length = 0
  const started = performance.now()
  await store.$sync()
  return { ms: Math.round(performance.now() - started), error: syncError(), ...traffic() }
}
const noKeys = (name, s) => {
  check(`${name}: sync error`, s.error === null, s.error)
  check(`${name}: a request sent keys`, !s.keysSent)
  check(`${name}: a request URL over 2,000 chars`, s.longestUrl <= 2000, s.longestUrl)
}

// a. ROWS rows: the first sync through the feed, then DELETED deleted on the server
const made = await create('todos', Array.from({ length: ROWS }, (_, i) => ({ title: `${run}-${i}`, completed: false })))
const ids = made.map(row => row.id)
requests.length = 0
const started = performance.now()
const store = await createStore({
  schema: [{ name: 'todos', meta: { primaryKeys: ['id'] } }, { name: 'notes', meta: { primaryKeys: ['id'] } }],
  plugins: [
    drizzle,
    createRivuletFeedPlugin({ apiPath, fetch: clientFetch, filterCollection: offlineCollections, onConflict: c => conflicts.push(c) }),
    createOfflinePlugin({ filterCollection: offlineCollections }),
  ],
})
while (store.$syncState.isSyncing) await new Promise(resolve => setTimeout(resolve, 10)) // the start-up sync
const firstSync = { ms: Math.round(performance.now() - started), error: syncError(), ...traffic() }
noKeys('a. first sync', firstSync)
const afterFirst = await compare('todos')
check('a. first sync', converged(afterFirst), afterFirst)
check('a. first sync: pages of 1,000', firstSync.changesRequests >= Math.ceil(afterFirst.server / 1000) + 1, firstSync.changesRequests)

const deleted = ids.slice(0, DELETED)
await remove('todos', deleted)
const deleteSync = await sync()
noKeys('a. delete sync', deleteSync)
const afterDelete = await compare('todos')
check('a. delete sync', converged(afterDelete), afterDelete)
const live = ids.slice(DELETED)

// b. the client's clock 5 minutes ahead, then 5 minutes behind: rows updated between syncs arrive
const skewed = {}
for (const [name, skew, from] of [['ahead', 5 * 60_000, 0], ['behind', -5 * 60_000, 50]]) {
  skewMs = skew
  await sync() // the client's last sync happens with the clock off (nuxt-drizzle's pull would start from it)
  const since = new RealDate(JSON.parse(localStorage.getItem('rstore-offline-metadata-todos')).updatedAt)
  const changed = live.slice(from, from + 50)
  await update('todos', changed, { title: `${run}-clock-${name}` })
  // how many of them the published pull's delta (updatedAt >= the client's clock at its last sync) would get
  const where = { operator: 'and', conditions: [{ operator: 'gte', field: 'updatedAt', value: since }, { operator: 'eq', field: 'title', value: `${run}-clock-${name}` }] }
  const published = await api('/todos', { query: { superjson: SuperJSON.stringify({ where, columns: { id: true }, limit: 1000 }) } })
  const s = await sync()
  skewMs = 0
  noKeys(`b. clock ${name}`, s)
  const got = changed.filter(id => store.todos.peekFirst(id)?.title === `${run}-clock-${name}`).length
  check(`b. clock ${name}: updated rows held`, got === changed.length, got)
  skewed[name] = { updated: changed.length, received: got, publishedPullWouldGet: published.length, ...s }
}
const afterClock = await compare('todos')
check('b. after the clock syncs', converged(afterClock), afterClock)

// c. a delta of DELTA rows, in pages
const delta = live.slice(100, 100 + DELTA)
await update('todos', delta, { title: `${run}-delta`, completed: true })
const deltaSync = await sync()
noKeys('c. delta sync', deltaSync)
const deltaHeld = delta.filter(id => store.todos.peekFirst(id)?.title === `${run}-delta`).length
check('c. delta rows held', deltaHeld === delta.length, deltaHeld)
check('c. delta in pages', deltaSync.changesRequests >= Math.ceil(delta.length / 1000), deltaSync.changesRequests)
const afterDelta = await compare('todos')
check('c. after the delta', converged(afterDelta), afterDelta)

// d. a cursor the server rejects: the client pulls from the start and converges. Meanwhile rows
//    were deleted and updated on the server, and the client holds rows the server never had.
const gone = live.slice(-10)
await remove('todos', gone)
await update('todos', live.slice(-20, -10), { title: `${run}-before-reset` })
const ghosts = Array.from({ length: 5 }, (_, i) => ({ id: 990_000_000 + i, title: `${run}-ghost`, completed: false }))
await idb('rstore-offline-todos', 'readwrite', items => ghosts.forEach(row => items.put(row, String(row.id))))
const cursor = localStorage.getItem('rivulet-feed-cursor-todos')
localStorage.setItem('rivulet-feed-cursor-todos', foreignCursor(cursor))
const resetSync = await sync()
noKeys('d. reset sync', resetSync)
check('d. a 409 reset', resetSync.resets === 1, resetSync.resets)
const afterReset = await compare('todos')
check('d. after the reset', converged(afterReset), afterReset)
check('d. a new cursor', ![null, cursor].includes(localStorage.getItem('rivulet-feed-cursor-todos')))
// a damaged stored cursor (400 Invalid cursor) is repaired the same way
localStorage.setItem('rivulet-feed-cursor-todos', 'not-a-cursor')
const damagedSync = await sync()
noKeys('d. damaged cursor sync', damagedSync)
check('d. a 400 Invalid cursor', damagedSync.invalidCursors === 1, damagedSync.invalidCursors)
const afterDamaged = await compare('todos')
check('d. after the damaged cursor', converged(afterDamaged), afterDamaged)

// e. reject-stale notes: A is edited offline while another client updates it; B is edited twice offline
const [noteA, noteB] = await create('notes', [{ title: `${run}-note-a`, body: 'a' }, { title: `${run}-note-b`, body: 'b' }])
const notesSync = await sync()
noKeys('e. notes sync', notesSync)
check('e. notes pulled', store.notes.peekFirst(noteA.id)?.version === noteA.version, store.notes.peekFirst(noteA.id))
navigator.onLine = false
// @rstore/offline replays in the order of the ops' time, in ms: two ops of one ms replay in any order
const nextMs = () => new Promise(resolve => setTimeout(resolve, 5))
await store.notes.update({ id: noteA.id, title: `${run}-note-a-offline` })
await store.notes.update({ id: noteB.id, title: `${run}-note-b-offline-1` })
await nextMs()
await store.notes.update({ id: noteB.id, title: `${run}-note-b-offline-2` })
const queuedNotes = (await queued()).filter(op => op.collectionName === 'notes')
const basedOn = op => (String(op.key) === String(noteA.id) ? noteA : noteB).version
check('e. queued with their versions', queuedNotes.length === 3 && queuedNotes.every(op => op.item.version === basedOn(op)), queuedNotes)
const other = await api(`/notes/${noteA.id}`, { method: 'PATCH', body: SuperJSON.stringify({ title: `${run}-note-a-server` }) })
navigator.onLine = true
const replaySync = await sync()
noKeys('e. replay sync', replaySync)
const serverA = await api(`/notes/${noteA.id}`)
const serverB = await api(`/notes/${noteB.id}`)
const heldA = store.notes.peekFirst(noteA.id)
const storedA = (await stored('notes')).find(row => row.id === noteA.id)
const notes = {
  versions: [noteA.version, other.version, serverA.version],
  heldA: { title: heldA?.title, version: heldA?.version },
  storedA: { title: storedA?.title, version: storedA?.version },
  serverB: { title: serverB.title, version: serverB.version },
  conflicts: conflicts.length,
  queued: (await queued()).length,
  patches: requests.filter(r => r.method === 'PATCH').map(r => r.status),
}
check('e. the server kept the other client\'s update', serverA.title === `${run}-note-a-server`, serverA)
check('e. the client holds the server\'s row', heldA?.title === serverA.title && heldA?.version === serverA.version
  && storedA?.title === serverA.title && storedA?.version === serverA.version, notes)
check('e. both offline edits of B replayed', serverB.title === `${run}-note-b-offline-2` && store.notes.peekFirst(noteB.id)?.title === serverB.title, notes)
check('e. one conflict', conflicts.length === 1, notes)
check('e. nothing queued', notes.queued === 0, notes)

// f. offline create, update and delete of todos replay
navigator.onLine = false
const createdId = 900_000_000 + Math.floor(Math.random() * 90_000_000)
const [renamed, removed] = live.slice(200, 202)
await store.todos.create({ id: createdId, title: `${run}-created-offline`, completed: false })
await store.todos.update({ id: renamed, title: `${run}-renamed-offline` })
await store.todos.delete(removed)
navigator.onLine = true
const queueSync = await sync()
noKeys('f. replay sync', queueSync)
const get = id => api.raw(`/todos/${id}`, { ignoreResponseError: true })
const replayed = {
  create: (await get(createdId))._data?.title === `${run}-created-offline`,
  update: (await get(renamed))._data?.title === `${run}-renamed-offline`,
  delete: (await get(removed)).status === 204, // a get of a missing key answers 204 without a body (PROTOCOL §2)
  heldCreated: store.todos.peekFirst(createdId)?.title === `${run}-created-offline`,
  queued: (await queued()).length,
}
check('f. replayed', replayed.create && replayed.update && replayed.delete && replayed.heldCreated && replayed.queued === 0, replayed)
const finalSync = await sync() // the replayed writes come back through the feed
noKeys('f. final sync', finalSync)
const final = { todos: await compare('todos'), notes: await compare('notes', ['title', 'version']) }
check('f. final todos', converged(final.todos), final.todos)
check('f. final notes', converged(final.notes), final.notes)

console.log(JSON.stringify({
  feed: true, rows: ROWS, deletedOnServer: DELETED, delta: DELTA,
  firstSync, afterFirst, deleteSync, afterDelete, skewed, afterClock, deltaSync, afterDelta,
  resetSync, afterReset, damagedSync, afterDamaged, notes, replaySync, replayed, finalSync, final, failures,
}))
process.exit(failures.length ? 1 : 0)

/**
 * The cursor as another database would have handed it out, for the reset (d): opaque to the plugin,
 * but the test knows its layout (FeedCursor: base64url of `1.<epoch>.<shape>.<seq>[.s<key>]`) and
 * gives it another epoch.
 */
function foreignCursor(real) {
  const parts = Buffer.from(real, 'base64url').toString('utf8').split('.')
  parts[1] = `other-${parts[1]}`
  return Buffer.from(parts.join('.'), 'utf8').toString('base64url')
}
