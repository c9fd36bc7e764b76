// The sync worker: loads the same thidua.js/thidua.wasm without running main(), and runs datasync::Sync with
// blocking requests (allowed here, never on the page). Messages: {id, input} in, {id, output | error} out.
'use strict';
const queue = [];
let ready = false;
self.Module = {
  noInitialRun: true,
  print: (t) => console.log(t),
  printErr: (t) => console.warn(t),
  onRuntimeInitialized: () => { ready = true; drain(); },
};
importScripts('thidua.js');

function drain() {
  while (ready && queue.length) {
    const { id, input } = queue.shift();
    try {
      const n = Module.lengthBytesUTF8(input) + 1;
      const p = Module._malloc(n);
      Module.stringToUTF8(input, p, n);
      const r = Module._thidua_worker_sync(p);
      Module._free(p);
      const output = Module.UTF8ToString(r);
      Module._free(r);
      const parsed = JSON.parse(output);
      if (parsed.error) postMessage({ id, error: parsed.error });
      else postMessage({ id, output });
    } catch (e) {
      postMessage({ id, error: String(e) });
    }
  }
}

self.onmessage = (e) => { queue.push(e.data); drain(); };
