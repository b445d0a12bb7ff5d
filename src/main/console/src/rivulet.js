// The console's rstore client: collections made from Rivulet's schema description (GET _schema,
// the same shape `_schema.ts?target=rstore` writes as TypeScript), and one plugin that speaks the
// protocol of @rstore/nuxt-drizzle's runtime plugins (REST: PROTOCOL §2; realtime: §7) without
// Nuxt. Everything goes through the public API: the allow-list, hidden fields and hooks apply.
import { defineRelations, definePlugin } from '@rstore/vue'
import SuperJSON from 'superjson'
import { reactive } from 'vue'

/** What the console talks to, relative to its own place (<context root>/rivulet/console/). */
export function endpoints(href = document.baseURI) {
  const api = new URL('../../api/rstore', href)
  const ws = new URL('../../api/rstore-realtime/ws', href)
  ws.protocol = ws.protocol === 'https:' ? 'wss:' : 'ws:'
  return { api: api.href.replace(/\/$/, ''), ws: ws.href }
}

/** An error answer of the server, as ofetch's FetchError carries it: status, reason and the body as sent. */
export class RivuletRequestError extends Error {
  constructor(method, url, status, statusText, body) {
    let data = null
    try {
      data = body ? JSON.parse(body) : null
    } catch {
      // not JSON (a refusal below Rivulet): shown as text
    }
    const statusMessage = data?.statusMessage ?? statusText
    super(`${status} ${statusMessage}`)
    this.method = method
    this.url = url
    this.statusCode = status
    this.statusMessage = statusMessage
    this.data = data
    this.body = body
  }
}

/** The rstore schema of a description: one collection per entry, relations of one hop. */
export function collectionsOf(description) {
  const collections = {}
  for (const [name, table] of Object.entries(description.collections)) {
    const key = table.primaryKey
    collections[name] = {
      name,
      // the API's key: compound keys joined with '::' (no key while a field is missing)
      getKey: key.length === 1
        ? item => item[key[0]]
        : item => (key.some(f => item[f] == null) ? undefined : key.map(f => item[f]).join('::')),
      meta: { rivulet: table },
    }
  }
  const relations = []
  for (const [name, table] of Object.entries(description.collections)) {
    // rstore 0.8 has no many-to-many relation: two-hop relationships are left out (as in the generated file)
    const oneHop = Object.entries(table.relationships ?? {})
      .filter(([, r]) => r.hops.length === 1 && collections[r.hops[0].destSchema])
    if (oneHop.length === 0) {
      continue
    }
    relations.push(defineRelations(collections[name], ({ collection }) => Object.fromEntries(oneHop.map(([rel, r]) => {
      const hop = r.hops[0]
      const on = {}
      hop.destField.forEach((field, i) => {
        on[`${hop.destSchema}.${field}`] = `${name}.${hop.sourceField[i]}`
      })
      return [rel, { to: collection(collections[hop.destSchema], { on }), many: r.kind === 'many' }]
    }))))
  }
  return [...Object.values(collections), ...relations]
}

/**
 * The plugin: REST hooks as nuxt-drizzle's (superjson queries, `include` sent to the server, which
 * nests the related rows; rstore normalizes them into its cache), and the realtime connection
 * (init v2, subscriptions counted per topic, updates written into the cache).
 * `state` is reactive: connection status, last server frame of note, the update listeners.
 */
export function createRivuletPlugin({ api, ws: wsUrl, fetch: doFetch = globalThis.fetch.bind(globalThis) }) {
  const clientId = crypto.randomUUID()
  const state = reactive({ status: 'connecting', ready: false, attempts: 0, rejected: [], lastUpdateAt: null })
  const listeners = new Set()

  async function request(path, { method = 'GET', query, body } = {}) {
    const url = `${api}${path}${query === undefined ? '' : `?superjson=${encodeURIComponent(SuperJSON.stringify(query))}`}`
    const headers = {}
    if (body !== undefined) {
      headers['content-type'] = 'application/json'
      headers.accept = 'application/json'
    }
    if (method !== 'GET') {
      headers['x-rstore-client-id'] = clientId
    }
    const response = await doFetch(url, { method, headers, body: body === undefined ? undefined : SuperJSON.stringify(body) })
    const text = await response.text()
    if (!response.ok) {
      throw new RivuletRequestError(method, url, response.status, response.statusText, text)
    }
    return response.status === 204 || text === '' ? null : JSON.parse(text)
  }

  function withoutKeys(collection, item) {
    const copy = { ...item }
    for (const field of collection.meta?.rivulet?.primaryKey ?? ['id']) {
      delete copy[field]
    }
    return copy
  }

  // realtime (PROTOCOL §7): one socket, reconnects with backoff, ping every 10 s
  const topics = new Map() // subscription id -> { message, count }
  let socket = null
  let heartbeat = null
  let store = null

  function send(frame) {
    if (socket?.readyState === WebSocket.OPEN) {
      socket.send(typeof frame === 'string' ? frame : JSON.stringify(frame))
    }
  }

  function connect() {
    state.status = 'connecting'
    state.ready = false
    socket = new WebSocket(wsUrl)
    socket.onopen = () => {
      state.status = 'open'
      state.attempts = 0
      send({ init: { clientId, v: 2 } })
      for (const { message } of topics.values()) {
        send({ subscription: { ...message, action: 'subscribe' } })
      }
      heartbeat = setInterval(() => send('ping'), 10_000)
    }
    socket.onmessage = event => receive(event.data)
    socket.onclose = () => {
      clearInterval(heartbeat)
      state.status = 'closed'
      state.ready = false
      state.attempts++
      setTimeout(connect, Math.min(10_000, 250 * 2 ** Math.min(state.attempts, 6)))
    }
  }

  function receive(data) {
    if (data === 'pong') {
      return
    }
    try {
      const message = JSON.parse(data)
      if (message.init) {
        state.ready = message.init.ok === true
        if (!state.ready) {
          state.status = `refused: ${message.init.error}`
        }
      }
      if (message.subscription?.action === 'rejected') {
        state.rejected.push(message.subscription)
      }
      for (const update of message.updates ?? (message.update ? [message.update] : [])) {
        apply(update)
      }
    } catch (e) {
      console.error('[Realtime] Failed to handle websocket message', e)
    }
  }

  function apply(update) {
    const collection = store?.$collections.find(c => c.name === update.collection)
    if (!collection) {
      return
    }
    if (update.type === 'deleted') {
      store.$cache.deleteItem({ collection, key: update.key })
    } else {
      store.$cache.writeItem({ collection, key: collection.getKey(update.record), item: update.record })
    }
    state.lastUpdateAt = new Date()
    for (const listener of listeners) {
      listener(update)
    }
  }

  function topicId(message) {
    return [message.collection, message.key ?? '*', message.where ? JSON.stringify(message.where) : '*'].join('|')
  }

  const plugin = definePlugin({
    name: 'rivulet',
    category: 'remote',
    setup({ hook, addCollectionDefaults }) {
      const parseDate = value => (typeof value === 'string' ? new Date(value) : value)
      // as nuxt-drizzle: the generated defaults parse createdAt and updatedAt
      addCollectionDefaults({ fields: { createdAt: { parse: parseDate }, updatedAt: { parse: parseDate } } })

      hook('init', payload => {
        store = payload.store
        connect()
      })
      hook('fetchFirst', async payload => {
        const name = payload.collection.name
        if (payload.key != null) {
          payload.setResult(await request(`/${name}/${payload.key}`, {
            query: { ...payload.findOptions?.params, include: payload.findOptions?.include },
          }))
        } else {
          const rows = await request(`/${name}`, {
            query: { where: payload.findOptions?.where, ...payload.findOptions?.params, limit: 1, include: payload.findOptions?.include },
          })
          payload.setResult(rows?.[0])
        }
      })
      hook('fetchMany', async payload => {
        const options = payload.findOptions ?? {}
        const query = { where: options.where, ...options.params, include: options.include }
        if (options.pageIndex != null && options.pageSize != null) {
          query.offset = options.pageIndex * options.pageSize
          query.limit = options.pageSize
        }
        payload.setResult(await request(`/${payload.collection.name}`, { query }))
      })
      hook('createItem', async payload => {
        payload.setResult(await request(`/${payload.collection.name}`, { method: 'POST', body: payload.item }))
      })
      hook('updateItem', async payload => {
        payload.setResult(await request(`/${payload.collection.name}/${payload.key}`, {
          method: 'PATCH', body: withoutKeys(payload.collection, payload.item),
        }))
      })
      hook('deleteItem', async payload => {
        await request(`/${payload.collection.name}/${payload.key}`, { method: 'DELETE' })
      })
      hook('subscribe', ({ collection, key, findOptions }) => {
        const message = { action: 'subscribe', collection: collection.name, key, where: findOptions?.where }
        const id = topicId(message)
        const topic = topics.get(id) ?? { message, count: 0 }
        topics.set(id, topic)
        if (topic.count++ === 0) {
          send({ subscription: message })
        }
      })
      hook('unsubscribe', ({ collection, key, findOptions }) => {
        const message = { action: 'unsubscribe', collection: collection.name, key, where: findOptions?.where }
        const id = topicId(message)
        const topic = topics.get(id)
        if (topic && --topic.count <= 0) {
          topics.delete(id)
          send({ subscription: message })
        }
      })
    },
  })

  return {
    plugin,
    state,
    request,
    /** Calls `listener(update)` for every realtime update applied to the cache; returns the remover. */
    onUpdate(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
