// The web console in a real browser (ConsoleIT): playwright-core driving Debian's chromium against
// a deployed Rivulet. Usage: node console/console-e2e.mjs <base URL ending in /> <screenshot.png>
// Prints progress lines and, last, one JSON line {"result": {...}} that the IT checks; exits 1 on
// the first failed step (its message is in the JSON line too).
import { chromium } from 'playwright-core'

const [base, screenshot] = process.argv.slice(2)
const api = new URL('api/rstore', base).href
const run = Date.now().toString(36)
const result = { run, steps: [], consoleErrors: [] }
const log = (...args) => console.log(new Date().toISOString(), ...args)

async function rest(method, path, body) {
  const response = await fetch(`${api}${path}`, {
    method,
    headers: body ? { 'content-type': 'application/json' } : {},
    body: body ? JSON.stringify({ json: body }) : undefined,
  })
  const text = await response.text()
  if (response.status >= 400) {
    throw new Error(`${method} ${path}: ${response.status} ${text}`)
  }
  return text ? JSON.parse(text) : null
}

async function step(name, fn) {
  const started = Date.now()
  log('step', name)
  await fn()
  result.steps.push({ name, ms: Date.now() - started })
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-dev-shm-usage'],
})
let exitCode = 0
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
  page.on('console', m => { if (m.type() === 'error') result.consoleErrors.push(m.text()) })
  page.on('pageerror', e => result.consoleErrors.push(String(e)))
  const row = key => page.locator(`[data-testid=view-todos] tr[data-testid=row][data-key="${key}"]`)
  const cell = (key, field) => row(key).locator(`td[data-field=${field}]`)

  // data of this run, made by another client through REST
  const todos = []
  for (const [title, completed] of [[`alpha ${run}`, false], [`beta ${run}`, false], [`gamma ${run}`, true],
    [`delta ${run}`, false], ['other todo', false]]) {
    todos.push(await rest('POST', '/todos', { title, completed }))
  }
  const [alpha, beta, gamma] = todos

  await step('load', async () => {
    await page.goto(new URL('rivulet/console/#/todos', base).href)
    await page.locator('[data-testid=collections] a').first().waitFor()
    result.collections = await page.locator('[data-testid=collections] a').allTextContents()
    // open, and the server acknowledged the init frame (PROTOCOL §7.4)
    await page.locator('[data-testid=connection][data-status=open]', { hasText: /connected$/ }).waitFor({ timeout: 15_000 })
    await page.locator('[data-testid=view-todos] tr[data-testid=row]').first().waitFor()
    result.connection = (await page.locator('[data-testid=connection]').textContent()).trim()
  })

  await step('filter', async () => {
    // title like '%<run>' and not (completed eq true)
    const view = page.locator('[data-testid=view-todos]')
    await view.locator('[data-testid=add-condition]').click()
    await view.locator('[data-testid=add-condition]').click()
    const conditions = view.locator('[data-testid=filter-condition]')
    await conditions.nth(0).locator('[data-testid=condition-field]').selectOption('title')
    await conditions.nth(0).locator('[data-testid=condition-operator]').selectOption('like')
    await conditions.nth(0).locator('[data-testid=condition-value]').fill(`%${run}`)
    await conditions.nth(1).locator('[data-testid=condition-field]').selectOption('completed')
    await conditions.nth(1).locator('input[type=checkbox]').check()
    await conditions.nth(1).locator('[data-testid=condition-value]').fill('true')
    await view.locator('[data-testid=apply-filter]').click()
    await row(gamma.id).waitFor({ state: 'detached' })
    await page.locator('[data-testid=view-todos] tr[data-testid=row]').nth(2).waitFor()
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=view-todos] tr[data-testid=row]').length === 3)
    result.where = JSON.parse(await view.locator('[data-testid=where]').textContent())
    result.filteredTitles = await page.locator('[data-testid=view-todos] tr[data-testid=row] td[data-field=title]').allTextContents()
  })

  await step('sort', async () => {
    await page.locator('[data-testid=sort-title]').click()
    await page.locator('[data-testid=sort-title]').click() // descending
    await page.waitForFunction(run => document.querySelector('[data-testid=view-todos] tr[data-testid=row] td[data-field=title]')
      ?.textContent === `delta ${run}`, run)
    result.sortedTitles = await page.locator('[data-testid=view-todos] tr[data-testid=row] td[data-field=title]').allTextContents()
  })

  await step('edit', async () => {
    await cell(alpha.id, 'title').dblclick()
    await page.locator('[data-testid=cell-editor]').fill(`edited ${run}`)
    await page.locator('[data-testid=cell-editor]').press('Enter')
    await page.locator('[data-testid=notice]', { hasText: 'title saved' }).waitFor()
    result.editedCell = await cell(alpha.id, 'title').textContent()
    result.editedKey = alpha.id
    result.restTitleAfterEdit = (await rest('GET', `/todos/${alpha.id}`)).title
  })

  await step('server error', async () => {
    await cell(alpha.id, 'title').dblclick()
    await page.locator('[data-testid=cell-editor]').fill('null')
    await page.locator('[data-testid=cell-editor]').press('Enter')
    await page.locator('[data-testid=error]').waitFor()
    result.errorTitle = await page.locator('[data-testid=error] strong').textContent()
    result.errorBody = await page.locator('[data-testid=error-body]').textContent()
    await page.locator('[data-testid=error] button').click()
  })

  await step('live', async () => {
    const sent = Date.now()
    await rest('PATCH', `/todos/${beta.id}`, { title: `live ${run}` })
    await page.waitForFunction(([key, title]) => document.querySelector(
      `[data-testid=view-todos] tr[data-key="${key}"] td[data-field=title]`)?.textContent === title,
    [String(beta.id), `live ${run}`], { timeout: 10_000 })
    result.liveMs = Date.now() - sent
    result.liveCell = await cell(beta.id, 'title').textContent()
  })

  await step('live create', async () => {
    const created = await rest('POST', '/todos', { title: `epsilon ${run}` })
    await row(created.id).waitFor({ timeout: 10_000 })
    result.liveCreated = created.id
  })

  await page.screenshot({ path: screenshot, fullPage: true })

  await step('create and delete', async () => {
    await page.locator('[data-testid=new-title]').fill(`made in the console ${run}`)
    await page.locator('[data-testid=create]').click()
    await page.locator('[data-testid=notice]', { hasText: 'created' }).waitFor()
    const made = (await rest('GET', `/todos?superjson=${encodeURIComponent(JSON.stringify({ json: { where: {
      operator: 'eq', field: 'title', value: `made in the console ${run}` } } }))}`))
    result.createdThroughConsole = made.length
    const key = made[0].id
    await row(key).waitFor()
    await row(key).locator('[data-testid=delete]').click()
    await row(key).locator('[data-testid=delete]', { hasText: 'confirm' }).click()
    await page.locator('[data-testid=notice]', { hasText: 'deleted' }).waitFor()
    await row(key).waitFor({ state: 'detached' })
    result.deletedThroughConsole = (await rest('GET', `/todos/${key}`)) === null
  })

  await step('paging', async () => {
    for (let i = 0; i < 8; i++) {
      await rest('POST', '/todos', { title: `page ${i} ${run}` })
    }
    const total = (await rest('GET', '/todos')).length
    const count = n => page.waitForFunction(n => document.querySelectorAll(
      '[data-testid=view-todos] tr[data-testid=row]').length === n, n, { timeout: 10_000 })
    await page.locator('[data-testid=view-todos] button', { hasText: 'Clear' }).click()
    await page.locator('[data-testid=page-size]').selectOption('10')
    await count(10)
    const first = await page.locator('[data-testid=page]').textContent()
    await page.locator('[data-testid=next]').click()
    await count(Math.min(10, total - 10))
    result.paging = { total, first, second: await page.locator('[data-testid=page]').textContent(),
      nextDisabled: await page.locator('[data-testid=next]').isDisabled() }
  })

  await step('include', async () => {
    const user = await rest('POST', '/users', { name: `Ann ${run}`, email: `ann-${run}@example.com` })
    for (const title of ['first post', 'second post']) {
      await rest('POST', '/posts', { authorId: user.id, title })
    }
    await page.locator('[data-testid=collection-users]').click()
    await page.locator(`[data-testid=view-users] tr[data-key="${user.id}"]`).waitFor()
    result.userColumns = await page.locator('[data-testid=view-users] thead th').allTextContents()
    await page.locator('[data-testid=include-posts]').check()
    const posts = page.locator(`[data-testid=view-users] tr[data-key="${user.id}"] td[data-relation=posts] summary`)
    await posts.waitFor()
    result.includedPosts = (await posts.textContent()).trim()
  })
} catch (e) {
  result.failure = String(e?.stack ?? e)
  exitCode = 1
} finally {
  await browser.close()
}
console.log(JSON.stringify({ result }))
process.exit(exitCode)
