// Browser services behind platform.h: IndexedDB key-value storage (the outbox and synced copies; not IDBFS, which
// mirrors whole folders and lets two tabs delete each other's data), the sync worker, one writer tab (Web Locks),
// persistent-storage requests, online/offline, file download and upload.
#include "platform/platform.h"

#include <emscripten.h>

#include <cstdlib>
#include <cstring>
#include <string>
#include <unordered_map>

namespace
{
struct Services
{
    int next_id = 1;
    std::unordered_map<int, std::function<void(bool, const std::string&)>> callbacks;
    std::function<void(const std::string&, const std::string&)> on_file;
    std::function<void(bool)> on_online;
    bool online = true;
    bool writer = false;
    bool persisted = false;
};

Services g_services; // platform code may hold process state (architecture.md B7.10)

int Remember(std::function<void(bool, const std::string&)> done)
{
    const int id = g_services.next_id++;
    g_services.callbacks[id] = std::move(done);
    return id;
}
} // namespace

// ---- JavaScript ----------------------------------------------------------------------------------------------
EM_JS(void, js_services_init, (), {
    const done = (id, ok, text) => {
        const p = Module.newString(text || "");
        Module._thidua_service_done(id, ok ? 1 : 0, p);
        _free(p);
    };
    Module.serviceDone = done;
    // A stored value: bytes (what this version stores) are copied in as they are; a string (stored by an earlier
    // version) as UTF-8.
    Module.serviceValue = (id, found, value) => {
        if (!(value instanceof Uint8Array)) return done(id, found, found ? value : "");
        const p = _malloc(value.length + 1);
        HEAPU8.set(value, p);
        HEAPU8[p + value.length] = 0;
        Module._thidua_service_bytes(id, found ? 1 : 0, p, value.length);
        _free(p);
    };
    // One database, one object store of values (bytes; strings from earlier versions); a transaction per write,
    // reported only once committed.
    // The page opens it while the wasm downloads (web/index.html: window.thiduaIdb); the same way here otherwise.
    Module.idb = window.thiduaIdb || new Promise((resolve, reject) => {
        const open = indexedDB.open(window.thiduaStoreName || 'thidua', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('kv');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
    });
    // The page's early read of every record (web/index.html: window.thiduaStored): each key is answered from it
    // once, and never after this tab wrote the key (the early copy is then older than the store).
    Module.stored = window.thiduaStored || null;
    Module.storedTaken = new Set();
    window.addEventListener('online', () => Module._thidua_on_online(1));
    window.addEventListener('offline', () => Module._thidua_on_online(0));
    Module._thidua_on_online(navigator.onLine ? 1 : 0);
    // One writer tab per cluster: the first tab holds the lock until it closes; others read only.
    if (navigator.locks && navigator.locks.request) {
        navigator.locks.request((window.thiduaStoreName || 'thidua') + '-writer', {ifAvailable: true}, (lock) => {
            Module._thidua_on_writer(lock ? 1 : 0);
            return lock ? new Promise(() => {}) : undefined;
        });
    } else {
        Module._thidua_on_writer(1);
    }
    if (navigator.storage && navigator.storage.persist) {
        navigator.storage.persist().then((granted) => Module._thidua_on_persisted(granted ? 1 : 0))
            .catch(() => Module._thidua_on_persisted(0));
    }
    // Drag and drop of a JSON file onto the page (desktop, projector laptop).
    const canvas = document.getElementById('canvas');
    canvas.addEventListener('dragover', (e) => e.preventDefault());
    canvas.addEventListener('drop', (e) => {
        e.preventDefault();
        const file = e.dataTransfer && e.dataTransfer.files[0];
        if (file) Module.deliverFile(file);
    });
    // Read at most 8 MB + 1 byte (datasync::kMaxImportBytes + 1): a larger file is refused by size, never loaded.
    Module.deliverFile = (file) => file.slice(0, 8 * 1024 * 1024 + 1).text().then((text) => {
        const n = Module.newString(file.name), t = Module.newString(text);
        Module._thidua_on_file(n, t);
        _free(n); _free(t);
    });
});

EM_JS(void, js_store_put, (int id, const char* key, const char* value, int length), {
    const k = UTF8ToString(key), v = HEAPU8.slice(value, value + length); // stored as bytes: no UTF-16 copy
    Module.storedTaken.add(k);
    Module.idb.then((db) => {
        const tx = db.transaction('kv', 'readwrite', {durability: 'strict'});
        tx.objectStore('kv').put(v, k);
        tx.oncomplete = () => {
            // Tells the next page load that this browser holds the data: it then skips the early snapshot request.
            if (k === 'client') try { localStorage.setItem((window.thiduaStoreName || 'thidua') + '-stored', '1'); } catch (e) {}
            Module.serviceDone(id, true, "");
        };
        tx.onerror = tx.onabort = () => Module.serviceDone(id, false, String(tx.error));
    }).catch((e) => Module.serviceDone(id, false, String(e)));
});

EM_JS(void, js_store_get, (int id, const char* key), {
    const k = UTF8ToString(key);
    const read = () => Module.idb.then((db) => {
        const req = db.transaction('kv', 'readonly').objectStore('kv').get(k);
        req.onsuccess = () => Module.serviceValue(id, req.result !== undefined, req.result);
        req.onerror = () => Module.serviceDone(id, false, "");
    }).catch(() => Module.serviceDone(id, false, ""));
    if (!Module.stored || Module.storedTaken.has(k))
        return read();
    Module.storedTaken.add(k);
    Module.stored.then((all) => {
        if (!all) return read();
        const value = all.get(k);
        all.delete(k); // the page holds no second copy of a large record
        Module.serviceValue(id, value !== undefined, value);
    });
});

EM_JS(void, js_keep_number, (const char* key, double value), {
    try { localStorage.setItem((window.thiduaStoreName || 'thidua') + '-' + UTF8ToString(key), String(value)); } catch (e) {}
});

EM_JS(double, js_kept_number, (const char* key), {
    let v = null;
    try { v = localStorage.getItem((window.thiduaStoreName || 'thidua') + '-' + UTF8ToString(key)); } catch (e) {}
    const n = Number(v);
    return v !== null && Number.isFinite(n) && n > 0 ? n : 0;
});

EM_JS(int, js_store_is_new, (), {
    try { return localStorage.getItem((window.thiduaStoreName || 'thidua') + '-stored') === '1' ? 0 : 1; }
    catch (e) { return 0; }
});

EM_JS(void, js_run_sync_worker, (int id, const char* input, int length), {
    if (!Module.syncWorker) {
        const worker = new Worker('sync-worker.js');
        worker.postMessage({module: window.thiduaWasm || null}); // the wasm this page compiled (web/index.html)
        const sent = new Set(); // requests not answered yet
        // A worker that cannot run (its script unreachable, its wasm refused) is replaced at the next sync; the
        // requests it holds fail, so the sync says why and retries.
        const drop = (why) => {
            worker.terminate();
            if (Module.syncWorker === worker) Module.syncWorker = null;
            for (const id of sent) Module.serviceDone(id, false, why);
            sent.clear();
        };
        worker.onmessage = (e) => {
            sent.delete(e.data.id);
            e.data.error ? Module.serviceDone(e.data.id, false, e.data.error) : Module.serviceValue(e.data.id, true, e.data.output);
            if (e.data.fatal) drop(e.data.error);
        };
        worker.onerror = (e) => {
            e.preventDefault();
            drop('sync-worker.js: ' + (e.message || 'failed'));
        };
        Module.syncWorker = worker;
        Module.syncSent = sent;
    }
    Module.syncSent.add(id);
    const bytes = HEAPU8.slice(input, input + length); // the client packed: copied, not converted to a string
    Module.syncWorker.postMessage({id: id, input: bytes}, [bytes.buffer]);
});

EM_JS(int, js_update_ready, (), { return window.thiduaUpdate && window.thiduaUpdate.ready ? 1 : 0; });
EM_JS(void, js_apply_update, (), { if (window.thiduaUpdate) window.thiduaUpdate.apply(); });

EM_JS(void, js_download, (const char* name, const char* mime, const char* data, int len), {
    const blob = new Blob([HEAPU8.slice(data, data + len)], {type: UTF8ToString(mime)});
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = UTF8ToString(name);
    document.body.appendChild(a);
    a.click();
    setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 10000);
});

// The print page: a Blob URL in a new tab, printed once it has loaded (blob: URLs share our origin, so the opener may
// call print() on it). The URL is revoked after a minute, long after the tab has read it.
EM_JS(int, js_open_print_page, (const char* data, int len), {
    const blob = new Blob([HEAPU8.slice(data, data + len)], {type: 'text/html;charset=utf-8'});
    const url = URL.createObjectURL(blob);
    const tab = window.open(url, '_blank');
    setTimeout(() => URL.revokeObjectURL(url), 60000);
    if (!tab)
        return 0;
    tab.addEventListener('load', () => { try { tab.focus(); tab.print(); } catch (e) { console.warn('print', e); } });
    return 1;
});

EM_JS(void, js_pick_file, (const char* accept), {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = UTF8ToString(accept);
    input.onchange = () => { if (input.files[0]) Module.deliverFile(input.files[0]); };
    input.click();
});

// ---- events from JavaScript ----------------------------------------------------------------------------------
extern "C" {
EMSCRIPTEN_KEEPALIVE void thidua_service_bytes(int id, int ok, const char* data, int length)
{
    auto it = g_services.callbacks.find(id);
    if (it == g_services.callbacks.end())
        return;
    auto done = std::move(it->second);
    g_services.callbacks.erase(it);
    done(ok != 0, std::string(data, static_cast<size_t>(length)));
    platform::RequestRedraw();
}

EMSCRIPTEN_KEEPALIVE void thidua_service_done(int id, int ok, const char* text)
{
    thidua_service_bytes(id, ok, text, static_cast<int>(std::strlen(text)));
}

EMSCRIPTEN_KEEPALIVE void thidua_on_online(int online)
{
    g_services.online = online != 0;
    if (g_services.on_online)
        g_services.on_online(g_services.online);
    platform::RequestRedraw();
}

EMSCRIPTEN_KEEPALIVE void thidua_on_writer(int writer)
{
    g_services.writer = writer != 0;
    platform::RequestRedraw();
}

EMSCRIPTEN_KEEPALIVE void thidua_on_persisted(int persisted)
{
    g_services.persisted = persisted != 0;
    platform::RequestRedraw();
}

EMSCRIPTEN_KEEPALIVE void thidua_on_file(const char* name, const char* text)
{
    if (g_services.on_file)
        g_services.on_file(name, text);
    platform::RequestRedraw();
}
} // extern "C"

// ---- platform API ----------------------------------------------------------------------------------------------
void platform::InitServices(const ServiceHooks& hooks)
{
    g_services.on_file = hooks.on_file;
    g_services.on_online = hooks.on_online;
    js_services_init();
}

void platform::StorePut(const std::string& key, const std::string& value, std::function<void(bool, const std::string&)> done)
{
    js_store_put(Remember(std::move(done)), key.c_str(), value.data(), static_cast<int>(value.size()));
}

bool platform::StoreIsNew()
{
    return js_store_is_new() != 0;
}

void platform::KeepNumber(const std::string& key, double value)
{
    js_keep_number(key.c_str(), value);
}

double platform::KeptNumber(const std::string& key)
{
    return js_kept_number(key.c_str());
}

void platform::StoreGet(const std::string& key, std::function<void(bool, const std::string&)> done)
{
    js_store_get(Remember(std::move(done)), key.c_str());
}

void platform::RunSyncWorker(const std::string& input, std::function<void(bool, const std::string&)> done)
{
    js_run_sync_worker(Remember(std::move(done)), input.data(), static_cast<int>(input.size()));
}

platform::BrowserStatus platform::Status()
{
    return {g_services.online, g_services.writer, g_services.persisted, js_update_ready() != 0};
}

void platform::ApplyUpdate()
{
    js_apply_update();
}

void platform::Download(const std::string& name, const std::string& mime, const std::string& bytes)
{
    js_download(name.c_str(), mime.c_str(), bytes.data(), static_cast<int>(bytes.size()));
}

bool platform::OpenPrintPage(const std::string& html)
{
    return js_open_print_page(html.data(), static_cast<int>(html.size())) != 0;
}

void platform::PickFile(const std::string& accept)
{
    js_pick_file(accept.c_str());
}
