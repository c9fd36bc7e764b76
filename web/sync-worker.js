// The sync worker: the same thidua.js/thidua.wasm on a thread of its own, without main(), running datasync::Sync with
// blocking requests (allowed here, never on the page).
// Messages in: first {module}, the wasm the page compiled (null: the worker downloads and compiles it itself); then
// {id, input}. Out: {id, output | error}.
'use strict';
const queue = [];
let ready = false;
let broken = ''; // why the wasm could not start here: every request is answered with it
let giveModule;
const moduleGiven = new Promise((resolve) => { giveModule = resolve; });

self.Module = {
  noInitialRun: true,
  print: (t) => console.log(t),
  printErr: (t) => console.warn(t),
  onRuntimeInitialized: () => { ready = true; drain(); },
  onAbort: (what) => { broken = 'the sync worker stopped: ' + what; drain(); },
  // An instance of the page's compiled module: no second download or compilation of the 0.9 MB wasm right after
  // the first screen, and the code compiled so far is shared.
  instantiateWasm: (imports, done) => {
    moduleGiven
      .then((module) => module ? WebAssembly.instantiate(module, imports).then((instance) => done(instance, module))
        : fetch('thidua.wasm').then((r) => r.arrayBuffer()).then((b) => WebAssembly.instantiate(b, imports))
          .then((r) => done(r.instance, r.module)))
      .catch((e) => { broken = 'thidua.wasm: ' + e; drain(); });
    return {};
  },
};
importScripts('thidua.js'); // an error here reaches the page as the worker's error event

// The input and the output are bytes (the client packed, src/core/sync/pack.h); the output comes as
// [4-byte length][bytes], or a JSON {"error"} in those bytes.
function drain() {
  while ((ready || broken) && queue.length) {
    const { id, input } = queue.shift();
    if (broken) { // the page then replaces this worker
      postMessage({ id, error: broken, fatal: true });
      continue;
    }
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

self.onmessage = (e) => {
  if (giveModule) { // the first message
    giveModule(e.data && e.data.module instanceof WebAssembly.Module ? e.data.module : null);
    giveModule = null;
    return;
  }
  queue.push(e.data);
  drain();
};
