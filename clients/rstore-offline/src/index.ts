// Rivulet's changes feed for the rstore offline client (issue #15).
//
// Replaces @rstore/nuxt-drizzle's offline plugin (plugin-offline.js), which pulls every
// collection with a key lookup of every locally held key plus a list `updatedAt >= <the client's
// clock at its last sync>`, by a pull of `GET {apiPath}/{collection}/_changes?since=<cursor>`:
// the server's ordered upserts and deletes since a cursor it handed out, page after page. Used with
// @rstore/offline (IndexedDB, the queue of offline writes) and nuxt-drizzle's REST plugin, both
// unchanged: the pull goes through their `syncCollection` hook.
//
// For collections whose rows carry a version (Rivulet's `reject-stale` policy), updates carry the
// version the client based them on, and an update the server refuses as stale (409 with the
// current row) resolves to the server's row, so that a replayed offline edit does not stay queued.
import { definePlugin } from '@rstore/vue'
import SuperJSON from 'superjson'

type Key = string | number
type Row = Record<string, unknown>
type Storage = { getItem(key: string): string | null, setItem(key: string, value: string): void }

export interface RivuletFeedOptions {
  /** The REST path of the collections, nuxt-drizzle's `apiPath` (default `/api/rstore`). */
  apiPath?: string
  /** The fetch of the feed and of the versioned PATCH (default: the global fetch). */
  fetch?: typeof globalThis.fetch
  /** Which collections to sync; give @rstore/offline the same filter (default: every collection). */
  filterCollection?: (collection: { name: string }) => boolean
  /** Changes per request, 1..1000 (default: the server's maximum, 1000). */
  limit?: number
  /** Where the cursors are kept (default: localStorage, key `rivulet-feed-cursor-<collection>`). */
  storage?: Storage
  /** The field of a row's version (default `version`); `false` turns the conflict handling off. */
  versionField?: string | false
  /** Called when the server refused an update as stale and the client took the server's row instead. */
  onConflict?: (conflict: { collection: string, key: Key, item: Row, current: Row }) => void
}

/** An error answer of Rivulet, with the fields of ofetch's FetchError that rstore's callers read. */
export class RivuletRequestError extends Error {
  constructor(readonly url: string, readonly statusCode: number, readonly statusMessage: string, readonly data?: unknown) {
    super(`${url}: ${statusCode} ${statusMessage}`)
    this.name = 'RivuletRequestError'
  }
}

/** A page of the changes feed (`GET {apiPath}/{collection}/_changes`). */
interface ChangesPage {
  changes: Array<{ op: 'upsert' | 'delete', key: string, row: Row }>
  cursor: string
  hasMore: boolean
}

/** Resets (a rejected cursor) followed by a pull from the start, within one sync of a collection. */
const MAX_RESETS = 3

export function createRivuletFeedPlugin(options: RivuletFeedOptions = {}) {
  const apiPath = (options.apiPath ?? '/api/rstore').replace(/\/$/, '')
  const limit = options.limit
  if (limit !== undefined && !(Number.isInteger(limit) && limit >= 1 && limit <= 1000)) {
    throw new Error(`limit must be an integer from 1 to 1000, not ${limit}`)
  }
  const versionField = options.versionField ?? 'version'
  const included = (collection: { name: string }) => options.filterCollection?.(collection) ?? true
  const cursorKey = (collection: string) => `rivulet-feed-cursor-${collection}`

  return definePlugin({
    name: 'rivulet-feed',
    // 'remote', before nuxt-drizzle's REST plugin: its updateItem hook runs after @rstore/offline's
    // (which queues the update when offline), and in front of nuxt-drizzle's PATCH. Its sync hook
    // runs after @rstore/offline's (the pull and the replay).
    category: 'remote',
    before: { plugins: ['rstore-drizzle'] },
    scopeId: 'rstore-drizzle',
    setup({ hook }) {
      if (typeof window === 'undefined') {
        return // server-side rendering: no offline storage, nuxt-drizzle's PATCH as usual
      }
      const fetchFn = options.fetch ?? ((input, init) => globalThis.fetch(input, init))
      const storage = options.storage ?? window.localStorage
      // collection → the cursor its pull reached in this sync; stored once @rstore/offline has
      // written the pulled rows (the sync hook below), so that a pull it did not finish is repeated
      const reached = new Map<string, string>()
      // "collection key" → [version sent, version answered] of this session's updates: a second
      // queued edit of a row was made on the client's copy of the first, so it is based on the
      // version the first one produced
      const produced = new Map<string, [unknown, unknown]>()

      async function request(url: string, init?: RequestInit): Promise<unknown> {
        const response = await fetchFn(url, { ...init, headers: { accept: 'application/json', ...init?.headers } })
        const text = await response.text()
        if (response.ok) {
          return text ? JSON.parse(text) : undefined
        }
        let body: { statusMessage?: string, data?: unknown } | undefined
        try {
          body = JSON.parse(text) // the protocol's error body
        } catch {
          body = undefined // not Rivulet's (a proxy's page)
        }
        throw new RivuletRequestError(url, response.status, body?.statusMessage ?? response.statusText, body?.data)
      }

      // The pull: every change since the stored cursor, page after page. Without a cursor (the first
      // sync, or after a reset) the feed starts with a snapshot of every row in the caller's scope,
      // and every local row that is not in it is deleted.
      hook('syncCollection', async ({ store, collection, loadedItems, storeItems, deleteItems }) => {
        if (!included(collection)) {
          return
        }
        const held = loadedItems()
        // no local rows: pull from the start (cheap if there is nothing, and right if the local
        // database was cleared without the cursor, as @rstore/offline's `version` option does)
        let cursor = held.length === 0 ? null : storage.getItem(cursorKey(collection.name))
        let fromStart = cursor == null
        // the latest change of each key (pages may repeat a key: apply the last one only)
        const latest = new Map<string, { key: Key, row?: Row }>()
        let resets = 0
        for (;;) {
          const query = new URLSearchParams()
          if (cursor != null) query.set('since', cursor)
          if (limit !== undefined) query.set('limit', String(limit))
          const url = `${apiPath}/${collection.name}/_changes${String(query) ? `?${query}` : ''}`
          let page: ChangesPage
          try {
            page = await request(url) as ChangesPage
          } catch (error) {
            // 409 reset: the cursor is too old, or from another database; 400 Invalid cursor: the
            // stored one is damaged. Either way only a pull from the start brings the client back.
            const reset = error instanceof RivuletRequestError
              && ((error.statusCode === 409 && (error.data as { reset?: unknown } | undefined)?.reset === true)
                || (error.statusCode === 400 && error.statusMessage === 'Invalid cursor'))
            if (!reset || cursor == null || ++resets > MAX_RESETS) {
              throw error
            }
            cursor = null
            fromStart = true
            latest.clear()
            continue
          }
          for (const change of page.changes) {
            const key = collection.getKey(change.row)
            if (key == null) {
              throw new Error(`${url}: a change without the key fields: ${JSON.stringify(change)}`)
            }
            if (change.op === 'upsert') {
              store.$processItemParsing(collection, change.row) // dates, as nuxt-drizzle's list
              latest.set(String(key), { key, row: change.row })
            } else {
              latest.set(String(key), { key })
            }
          }
          if (!page.hasMore) {
            cursor = page.cursor
            break
          }
          if (page.cursor === cursor) {
            throw new Error(`${url}: hasMore without a new cursor`) // would loop for ever
          }
          cursor = page.cursor
        }
        const upserts: Row[] = []
        const deletes: Key[] = []
        for (const { key, row } of latest.values()) {
          if (row) upserts.push(row)
          else deletes.push(key)
        }
        if (fromStart) {
          for (const item of held) {
            const key = collection.getKey(item)
            if (key != null && !latest.has(String(key))) deletes.push(key)
          }
        }
        // @rstore/offline deletes these, then writes those, into IndexedDB and the cache
        deleteItems(deletes)
        storeItems(upserts as Parameters<typeof storeItems>[0])
        reached.set(collection.name, cursor!)
      })

      hook('sync', () => {
        // @rstore/offline's pull (and replay) went through: the pulled rows are stored
        for (const [collection, cursor] of reached) {
          storage.setItem(cursorKey(collection), cursor)
        }
        reached.clear()
      })

      if (!versionField) {
        return
      }

      // An update carries the version of the client's copy unless the app gave one: a queued
      // offline update keeps the version it was based on.
      hook('beforeMutation', ({ store, collection, mutation, key, item, modifyItem }) => {
        if (mutation !== 'update' || key == null || !item || !included(collection)
          || (item as Row)[versionField] !== undefined) {
          return
        }
        const version = (store.$cache.readItem({ collection, key }) as Row | undefined)?.[versionField]
        if (version != null) {
          (modifyItem as (path: string, value: unknown) => void)(versionField, version)
        }
      })

      // The PATCH of an update with a version (nuxt-drizzle's request, same URL and body). A stale
      // one (409 with the current row) resolves to the server's row: the cache and, through
      // @rstore/offline's afterMutation, IndexedDB hold it, and a replayed update leaves the queue.
      hook('updateItem', async ({ store, collection, key, item, setResult }) => {
        const sent = (item as Row)[versionField]
        if (sent == null || !included(collection)) {
          return // not versioned: nuxt-drizzle's PATCH
        }
        const url = `${apiPath}/${collection.name}/${key}`
        const mine = produced.get(`${collection.name} ${key}`)
        const body = { ...item, id: undefined, [versionField]: mine && mine[0] === sent ? mine[1] : sent }
        let result: Row
        try {
          result = await request(url, {
            method: 'PATCH', headers: { 'content-type': 'application/json' }, body: SuperJSON.stringify(body),
          }) as Row
        } catch (error) {
          const current = error instanceof RivuletRequestError && error.statusCode === 409 ? error.data as Row : undefined
          if (!current || typeof current !== 'object' || String(collection.getKey(current)) !== String(key)) {
            throw error
          }
          options.onConflict?.({ collection: collection.name, key, item: item as Row, current })
          store.$processItemParsing(collection, current) // dates, before @rstore/offline stores it
          setResult(current as Parameters<typeof setResult>[0])
          return
        }
        produced.set(`${collection.name} ${key}`, [sent, result[versionField]])
        store.$processItemParsing(collection, result)
        setResult(result as Parameters<typeof setResult>[0])
      })
    },
  })
}
