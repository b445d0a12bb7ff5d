// What the offline scripts share (published-client-sync.mjs, feed-client-sync.mjs and
// bench/offline-sync/sync-bench.mjs): the browser around the published client in plain Node
// (fake-indexeddb, window, localStorage, navigator, addEventListener), the server's data written
// through its `_batch` route as another client, and a client's IndexedDB as its last sync left it.
import 'fake-indexeddb/auto'
import SuperJSON from 'superjson'

const storage = new Map()
globalThis.window = globalThis
globalThis.localStorage = {
  getItem: k => (storage.has(k) ? storage.get(k) : null),
  setItem: (k, v) => storage.set(k, String(v)),
  removeItem: k => storage.delete(k),
}
Object.defineProperty(globalThis, 'navigator', { value: { onLine: true }, configurable: true, writable: true })
globalThis.addEventListener ??= () => {}

/**
 * Runs the operations through `POST _batch` with `api` (an ofetch on the server's /api/rstore),
 * 100 per batch and 4 batches at a time; returns the results in order, throws on a failed one.
 */
export async function serverBatch(api, operations) {
  const results = []
  for (let i = 0; i < operations.length; i += 400) {
    const chunks = []
    for (let j = i; j < Math.min(i + 400, operations.length); j += 100) {
      chunks.push(api('/_batch', {
        method: 'POST', body: SuperJSON.stringify({ operations: operations.slice(j, j + 100) }),
        headers: { 'content-type': 'application/json' }, parseResponse: t => SuperJSON.parse(t),
      }))
    }
    for (const reply of await Promise.all(chunks)) {
      for (const r of reply.results) if (!r.ok) throw new Error(`batch op failed: ${r.error}`)
      results.push(...reply.results.map(r => r.result))
    }
  }
  return results
}

/**
 * The published offline plugin's state after a sync just now: the rows in its IndexedDB store
 * (`rstore-offline-<collection>`, dates as Dates) and its metadata's updatedAt set to now.
 */
export async function holdRows(collection, rows) {
  await new Promise((resolve, reject) => {
    const open = indexedDB.open(`rstore-offline-${collection}`, 1)
    open.onupgradeneeded = () => open.result.createObjectStore('items')
    open.onerror = () => reject(open.error)
    open.onsuccess = () => {
      const tx = open.result.transaction(['items'], 'readwrite')
      for (const row of rows) {
        tx.objectStore('items').put({ ...row, createdAt: new Date(row.createdAt), updatedAt: new Date(row.updatedAt) }, String(row.id))
      }
      tx.oncomplete = resolve
      tx.onerror = () => reject(tx.error)
    }
  })
  localStorage.setItem(`rstore-offline-metadata-${collection}`, JSON.stringify({ updatedAt: Date.now() }))
}
