import { launch } from '../e2e/support/browser.mjs';
import { staticHost } from '../e2e/support/server.mjs';
import { pagePaths } from '../e2e/support/site.mjs';
import { measureMemory } from './navigation.mjs';
const dist = 'target/bench-dist';
const host = await staticHost({ dist });
const browser = await launch();
const paths = pagePaths(dist);
for (const count of [200, 1000, 3000]) {
  const mem = await measureMemory(browser, { url: host.url, paths, count });
  console.log(count, mem.end.jsHeapBytes - mem.start.jsHeapBytes, mem.start.wasmMemoryBytes, mem.end.wasmMemoryBytes - mem.start.wasmMemoryBytes, mem.end.domNodes - mem.start.domNodes);
}
await browser.close(); await host.close();
