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

// The input and the output are bytes (the client packed, src/core/sync/pack.h); the output comes as
// [4-byte length][bytes], or a JSON {"error"} in those bytes.
function drain() {
  while (ready && queue.length) {
    const { id, input } = queue.shift();
    try {
      const p = Module._malloc(input.length);
      Module.HEAPU8.set(input, p);
      const r = Module._thidua_worker_sync(p, input.length);
      Module._free(p);
      const n = Module.HEAPU32[r >> 2];
      const output = Module.HEAPU8.slice(r + 4, r + 4 + n);
      Module._free(r);
      if (output[0] === 0x7b) postMessage({ id, error: JSON.parse(new TextDecoder().decode(output)).error });
      else postMessage({ id, output }, [output.buffer]);
    } catch (e) {
      postMessage({ id, error: String(e) });
    }
  }
}

self.onmessage = (e) => { queue.push(e.data); drain(); };
