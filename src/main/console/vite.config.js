import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

// Maven passes the output directory (target/console/META-INF/resources/rivulet/console, see
// build.sh); relative asset URLs, so the same files work under any context root.
const outDir = process.env.RIVULET_CONSOLE_OUT
  ?? fileURLToPath(new URL('../../../target/console/META-INF/resources/rivulet/console', import.meta.url))

export default defineConfig({
  base: './',
  plugins: [vue()],
  build: {
    outDir,
    emptyOutDir: true,
    reportCompressedSize: false,
    chunkSizeWarningLimit: 1024,
  },
  server: {
    // npm run dev: the API of a Rivulet started with `PORT=8080 bin/run`
    proxy: {
      '/api': { target: 'http://localhost:8080', ws: true },
    },
  },
})
