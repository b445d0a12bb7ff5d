import { createApp } from 'vue'
import { createStore, RstorePlugin } from '@rstore/vue'
import App from './App.vue'
import { collectionsOf, createRivuletPlugin, endpoints } from './rivulet.js'
import './console.css'

async function start() {
  const urls = endpoints()
  const answer = await fetch(`${urls.api}/_schema`)
  if (!answer.ok) {
    document.getElementById('app').textContent = `GET ${urls.api}/_schema: ${answer.status} ${await answer.text()}`
    return
  }
  const description = await answer.json()
  const rivulet = createRivuletPlugin(urls)
  const store = await createStore({ schema: collectionsOf(description), plugins: [rivulet.plugin] })
  createApp(App, { description, rivulet, api: urls.api })
    .use(RstorePlugin, { store })
    .provide('store', store)
    .mount('#app')
}

start()
