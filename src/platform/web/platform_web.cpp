// The browser platform: WebGL2 context, pointer/touch/keyboard input straight from DOM events (no GLFW: the
// built-in GLFW of Emscripten 3.1.6 mishandles touch, devicePixelRatio and text input), a redraw scheduler
// that renders zero frames while idle, fetch(), and window.thidua for tests. The only file with EM_JS.
//
// [SECTION] State
// [SECTION] JavaScript side (listeners, fetch, test interface)
// [SECTION] Events from JavaScript
// [SECTION] Frame loop and redraw scheduler
// [SECTION] Platform API
#include "platform/platform.h"
#include "platform/web/renderer.h"

#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <GLES3/gl3.h>

#include <cfloat>
#include <cmath>
#include <cstring>
#include <cstdlib>
#include <functional>
#include <string>
#include <unordered_map>

// ------------------------------------------------------------------------------------------------------------
// [SECTION] State
// ------------------------------------------------------------------------------------------------------------
namespace
{
struct WebPlatform
{
    platform::Hooks hooks;
    EMSCRIPTEN_WEBGL_CONTEXT_HANDLE gl = 0;
    int pending_frames = 0;        // frames still owed to the scheduler
    bool frame_scheduled = false;  // a requestAnimationFrame callback is queued
    int pointers_down = 0;         // keep drawing while a finger or button is down
    int keys_down = 0;
    double last_frame_ms = 0;
    int width = 0, height = 0;     // canvas backing store, device pixels
    float pixel_ratio = 1;
    int next_request_id = 1;
    std::unordered_map<int, platform::HttpCallback> requests;
    std::string clipboard;         // last text copied by the app or pasted by the user
    unsigned int proxy_field = 0;  // the text field the hidden input mirrors (0 = none)
    std::string proxy_text;        // the text the hidden input holds, as far as C++ knows
    bool proxy_blurred = false;    // the user closed the keyboard: finish editing next frame
    std::string route;             // the route last written to the URL hash
    bool route_from_address = true; // `route` came from the address (the page's or a Back): the app's form replaces it
    size_t mirror_hash = 0;        // what the accessibility mirror last showed
    bool render_failed = false;    // the shaders did not link: the page says so once
};

WebPlatform g_web; // platform code is the one place allowed to hold process state (architecture.md B7.10)
} // namespace

// ------------------------------------------------------------------------------------------------------------
// [SECTION] JavaScript side
// ------------------------------------------------------------------------------------------------------------
// Pointer events only (no mouse/touch listeners), so touch never produces ghost mouse clicks. Coordinates are
// converted to canvas backing-store pixels. preventDefault keeps the browser from panning/zooming the page.
EM_JS(void, js_install_listeners, (), {
    // A JS string as malloc'd UTF-8 (the browser's own encoder: a stored dataset is megabytes).
    Module.newString = (s) => {
        const bytes = new TextEncoder().encode(s);
        const p = _malloc(bytes.length + 1);
        HEAPU8.set(bytes, p);
        HEAPU8[p + bytes.length] = 0;
        return p;
    };
    const canvas = document.getElementById('canvas');
    // The hidden text proxy: the browser edits it (soft keyboard, IME composition, dictation, paste) and the
    // active ImGui field mirrors it. A textarea, so multi-line fields work; Enter ends one-line fields.
    const proxy = document.createElement('textarea');
    proxy.id = 'text-proxy';
    proxy.setAttribute('autocomplete', 'off');
    proxy.setAttribute('autocorrect', 'off');
    proxy.setAttribute('autocapitalize', 'off');
    proxy.setAttribute('spellcheck', 'false');
    proxy.setAttribute('aria-label', 'text');
    // pointer-events:none: it sits over the field being edited (for the keyboard and IME windows) but never takes
    // a tap; the canvas gets every one and focuses the proxy itself.
    proxy.style.cssText = 'position:fixed;left:0;top:0;width:1px;height:1px;opacity:0;font-size:16px;' +
        'caret-color:transparent;border:0;padding:0;margin:0;resize:none;z-index:0;overflow:hidden;' +
        'pointer-events:none;';
    document.body.appendChild(proxy);
    Module.proxy = proxy;
    Module.proxyOurs = false; // a blur we caused ourselves
    const utf8Length = (s) => new TextEncoder().encode(s).length;
    const sendProxy = () => {
        const v = proxy.value.normalize('NFC');
        const a = utf8Length(proxy.value.slice(0, proxy.selectionStart).normalize('NFC'));
        const b = utf8Length(proxy.value.slice(0, proxy.selectionEnd).normalize('NFC'));
        const p = Module.newString(v);
        Module._thidua_on_text_input(p, a, b);
        _free(p);
    };
    proxy.addEventListener('input', sendProxy);
    document.addEventListener('selectionchange', () => { if (document.activeElement === proxy) sendProxy(); });
    proxy.addEventListener('blur', () => { if (!Module.proxyOurs) Module._thidua_on_text_blur(); Module.proxyOurs = false; });
    Module.focusProxy = () => { if (document.activeElement !== proxy) proxy.focus({preventScroll: true}); };
    const toPixels = (e) => {
        const r = canvas.getBoundingClientRect();
        return [(e.clientX - r.left) * canvas.width / r.width, (e.clientY - r.top) * canvas.height / r.height];
    };
    const touchLike = (e) => (e.pointerType === 'touch' || e.pointerType === 'pen') ? 1 : 0;
    let primary = -1;
    // Two fingers pinch (the text size), never the browser's zoom: the press of the first is cancelled, and no
    // finger drives the UI again until all have lifted.
    const touches = new Map();
    let pinch = 0; // the fingers' distance when the pinch began; 0 = no pinch
    const spread = () => { const [a, b] = [...touches.values()]; return Math.hypot(a[0] - b[0], a[1] - b[1]) || 1; };
    canvas.addEventListener('pointerdown', (e) => {
        if (touchLike(e)) touches.set(e.pointerId, toPixels(e));
        if (touchLike(e) && touches.size === 2 && !pinch) {
            if (primary !== -1) { const p = touches.get(primary) || [0, 0]; Module._thidua_on_pointer(3, p[0], p[1], 0, 1); }
            primary = -1;
            pinch = spread();
            Module._thidua_on_pinch(1, 1);
        }
        if (pinch && touchLike(e)) { e.preventDefault(); return; }
        if (touchLike(e) && primary !== -1 && e.pointerId !== primary) return; // one finger drives the UI
        if (touchLike(e)) primary = e.pointerId;
        try { canvas.setPointerCapture(e.pointerId); } catch (err) {}
        const p = toPixels(e);
        Module._thidua_on_pointer(0, p[0], p[1], e.button, touchLike(e));
        e.preventDefault();
    }, {passive: false});
    canvas.addEventListener('pointermove', (e) => {
        if (touchLike(e) && touches.has(e.pointerId)) touches.set(e.pointerId, toPixels(e));
        if (pinch && touchLike(e)) { if (touches.size >= 2) Module._thidua_on_pinch(spread() / pinch, 0); return; }
        if (touchLike(e) && e.pointerId !== primary) return;
        const p = toPixels(e);
        Module._thidua_on_pointer(1, p[0], p[1], e.button, touchLike(e));
    }, {passive: true});
    const up = (e) => {
        if (touchLike(e)) touches.delete(e.pointerId);
        if (pinch && touchLike(e)) { if (touches.size === 0) pinch = 0; return; }
        if (touchLike(e) && e.pointerId !== primary) return;
        if (touchLike(e)) primary = -1;
        const p = toPixels(e);
        Module._thidua_on_pointer(e.type === 'pointercancel' ? 3 : 2, p[0], p[1], e.button, touchLike(e));
        // Focus must happen inside the gesture, or mobile browsers keep the keyboard closed.
        if (e.type === 'pointerup' && Module._thidua_hit_text_field(p[0], p[1])) Module.focusProxy();
    };
    canvas.addEventListener('pointerup', up);
    canvas.addEventListener('pointercancel', up);
    canvas.addEventListener('pointerleave', (e) => {
        if (!touchLike(e)) Module._thidua_on_pointer(4, 0, 0, 0, 0);
    });
    canvas.addEventListener('contextmenu', (e) => e.preventDefault());
    canvas.addEventListener('wheel', (e) => {
        const unit = e.deltaMode === 1 ? 1 / 3 : (e.deltaMode === 2 ? 3 : 1 / 100);
        Module._thidua_on_wheel(-e.deltaX * unit, -e.deltaY * unit);
        e.preventDefault();
    }, {passive: false});

    // Keys the browser must keep (reload, devtools, full screen, zoom) are never prevented.
    const browserKeys = new Set(['F5', 'F11', 'F12']);
    const proxyKeys = new Set(['Enter', 'Escape', 'Tab']); // the rest edit the proxy natively
    const keyEvent = (e, down) => {
        if (e.isComposing || e.keyCode === 229) return;
        if (document.activeElement === proxy) {
            const multilineEnter = e.key === 'Enter' && Module._thidua_text_field_multiline();
            if (!proxyKeys.has(e.key) || multilineEnter) return;
        }
        const key = Module.newString(e.key);
        const handled = Module._thidua_on_key(key, down ? 1 : 0, e.ctrlKey, e.shiftKey, e.altKey, e.metaKey);
        _free(key);
        const ctrlCombo = (e.ctrlKey || e.metaKey) && ['c', 'v', 'x', 'r', '+', '-', '=', '0', 'l', 't', 'w'].includes(e.key.toLowerCase());
        if (handled && !browserKeys.has(e.key) && !ctrlCombo) e.preventDefault();
    };
    window.addEventListener('keydown', (e) => keyEvent(e, true));
    window.addEventListener('keyup', (e) => keyEvent(e, false));
    window.addEventListener('blur', () => Module._thidua_on_focus(0));
    window.addEventListener('focus', () => Module._thidua_on_focus(1));
    window.addEventListener('resize', () => Module._thidua_wake(4));
    if (window.visualViewport) window.visualViewport.addEventListener('resize', () => Module._thidua_wake(4));
    document.addEventListener('visibilitychange', () => Module._thidua_wake(4));
    matchMedia('(resolution: ' + devicePixelRatio + 'dppx)').addEventListener('change', () => Module._thidua_wake(4));
    document.addEventListener('paste', (e) => {
        if (document.activeElement === proxy) return; // the hidden input pastes natively; its input event mirrors
        const text = (e.clipboardData || window.clipboardData).getData('text');
        const p = Module.newString(text.normalize('NFC'));
        Module._thidua_on_paste(p);
        _free(p);
        e.preventDefault();
    });
    window.addEventListener('hashchange', () => {
        const p = Module.newString(decodeURIComponent(location.hash.replace(/^#/, '')));
        Module._thidua_on_route(p);
        _free(p);
    });
    // Accessibility mirror: activating a mirrored control taps the widget's centre through the same input path.
    document.getElementById('a11y').addEventListener('click', (e) => {
        const b = e.target.closest('[data-x]');
        if (!b) return;
        Module._thidua_activate(+b.dataset.x, +b.dataset.y);
    });
    canvas.addEventListener('webglcontextlost', (e) => {
        e.preventDefault();
        if (window.thiduaShowError) window.thiduaShowError('Mất kết nối đồ hoạ (WebGL). Hãy tải lại trang. — The graphics context was lost; please reload.');
    });
});

// The canvas's size in CSS pixels. getBoundingClientRect makes the browser lay out the page whenever anything
// changed since the last layout (the loading box's progress, a class): 20-60 ms of a first visit, frame after frame.
// A ResizeObserver keeps the size instead, and wakes the app when it changes; the rect is read once, at the start
// (and on every call where ResizeObserver is missing).
EM_JS(void, js_canvas_css_size, (double* width, double* height), {
    const canvas = document.getElementById('canvas');
    let size = Module.canvasCssSize;
    if (!size) {
        const r = canvas.getBoundingClientRect();
        size = [r.width, r.height];
        if (typeof ResizeObserver === 'function' && !Module.canvasObserver) {
            Module.canvasCssSize = size;
            Module.canvasObserver = new ResizeObserver((entries) => {
                const box = entries[entries.length - 1].contentRect;
                const was = Module.canvasCssSize;
                Module.canvasCssSize = [box.width, box.height];
                if (was[0] !== box.width || was[1] !== box.height) Module._thidua_wake(2);
            });
            Module.canvasObserver.observe(canvas);
        }
    }
    HEAPF64[width >> 3] = size[0];
    HEAPF64[height >> 3] = size[1];
});

// window.thidua: read-only state, widget rectangles and drawn texts for browser tests (documented in tests/README.md).
EM_JS(void, js_install_test_interface, (), {
    const read = (fn) => { const p = fn(); const s = UTF8ToString(p); _free(p); return JSON.parse(s); };
    window.thidua = {
        state: () => read(Module._thidua_state_json),
        items: () => read(Module._thidua_items_json),
        item: (label) => read(Module._thidua_items_json).find((i) => i.visible && i.label === label) || null,
        frames: () => Module._thidua_frame_count(),
        texts: () => read(Module._thidua_texts_json),
    };
});

EM_JS(void, js_fetch, (int id, const char* method, const char* url, const char* headers_json, const char* body, int body_len), {
    const init = {method: UTF8ToString(method), headers: JSON.parse(UTF8ToString(headers_json)), cache: 'no-store'};
    if (body_len > 0) init.body = HEAPU8.slice(body, body + body_len);
    const done = (status, etag, bytes, error) => {
        const e = Module.newString(etag || "");
        const err = Module.newString(error || "");
        const p = _malloc(bytes.length + 1);
        HEAPU8.set(bytes, p);
        Module._thidua_on_fetch_done(id, status, e, p, bytes.length, err);
        _free(e); _free(err); _free(p);
    };
    const target = UTF8ToString(url);
    // The page may have started this GET already (web/index.html: the first visit's data, while the wasm
    // compiled); its answer is used once, and only when it was asked with the same token.
    const early = window.thiduaEarly && window.thiduaEarly[target];
    if (early && init.method === 'GET' && early.auth === (init.headers.Authorization || '')) {
        delete window.thiduaEarly[target];
        early.answer.then((a) => a.error ? done(0, "", new Uint8Array(0), a.error) : done(a.status, a.etag, new Uint8Array(a.bytes), ""));
        return;
    }
    fetch(target, init)
        .then((r) => r.arrayBuffer().then((buf) => done(r.status, r.headers.get('ETag'), new Uint8Array(buf), "")))
        .catch((err) => done(0, "", new Uint8Array(0), String(err)));
});

EM_JS(int, js_early_request, (const char* url), {
    return window.thiduaEarly && window.thiduaEarly[UTF8ToString(url)] ? 1 : 0;
});

EM_JS(void, js_load_progress, (int done, int total), {
    if (window.thiduaProgress) window.thiduaProgress(done, total);
});

EM_JS(void, js_show_loading, (int shown), {
    if (window.thiduaLoading) window.thiduaLoading(shown !== 0);
});

// Puts the active field's text and selection into the hidden input, over the field (so the soft keyboard and
// IME windows aim there). Offsets arrive in UTF-8 bytes; the DOM counts UTF-16 units.
EM_JS(void, js_proxy_show, (const char* text, int sel_start, int sel_end, int kind, float x, float y, float w, float h), {
    const proxy = Module.proxy;
    const value = UTF8ToString(text);
    const bytes = new TextEncoder().encode(value);
    const units = (n) => new TextDecoder().decode(bytes.slice(0, n)).length;
    proxy.setAttribute('inputmode', kind === 2 ? 'decimal' : (kind === 3 ? 'numeric' : 'text'));
    proxy.setAttribute('enterkeyhint', kind === 1 ? 'enter' : 'done');
    proxy.setAttribute('wrap', kind === 1 ? 'soft' : 'off'); // one-line fields: End goes to the end of the text
    const r = proxy.style;
    r.left = x + 'px'; r.top = y + 'px'; r.width = Math.max(1, w) + 'px'; r.height = Math.max(1, h) + 'px';
    if (proxy.value !== value) proxy.value = value;
    try { proxy.setSelectionRange(units(sel_start), units(sel_end)); } catch (e) {}
    Module.focusProxy();
});

EM_JS(void, js_proxy_hide, (), {
    const proxy = Module.proxy;
    if (document.activeElement === proxy) { Module.proxyOurs = true; proxy.blur(); }
    proxy.value = "";
    const r = proxy.style; // back to its resting corner, one pixel
    r.left = '0px'; r.top = '0px'; r.width = '1px'; r.height = '1px';
});

EM_JS(void, js_set_route, (const char* route, int replace), {
    const hash = '#' + UTF8ToString(route);
    if (location.hash === hash) return;
    if (replace) history.replaceState(null, "", hash);
    else history.pushState(null, "", hash);
});

EM_JS(char*, js_take_token, (), {
    const url = new URL(location.href);
    const token = url.searchParams.get('token') || "";
    if (token) {
        url.searchParams.delete('token');
        history.replaceState(null, "", url.pathname + url.search + url.hash);
    }
    return Module.newString(token);
});

EM_JS(char*, js_cluster_of_address, (), {
    const parts = location.pathname.split('/'); // "/c/<id>/..." (no regex: a double slash would end the macro)
    const ok = parts.length > 3 && parts[0] === "" && parts[1] === 'c' && /^[a-z0-9-]+$/.test(parts[2]);
    return Module.newString(ok ? parts[2] : "");
});

EM_JS(void, js_open_address, (const char* url), {
    location.href = new URL(UTF8ToString(url), location.href).href;
});

EM_JS(char*, js_initial_route, (), {
    return Module.newString(decodeURIComponent(location.hash.replace(/^#/, '')));
});

EM_JS(void, js_set_fullscreen, (int on), {
    const el = document.documentElement;
    if (on && !document.fullscreenElement && el.requestFullscreen) el.requestFullscreen().catch(() => {});
    if (!on && document.fullscreenElement && document.exitFullscreen) document.exitFullscreen().catch(() => {});
});

// Rebuilds the off-screen list of the current screen's controls for screen readers (from the item registry).
EM_JS(void, js_set_mirror, (const char* items_json, float ratio), {
    const root = document.getElementById('a11y');
    if (!root) return;
    const items = JSON.parse(UTF8ToString(items_json));
    root.textContent = "";
    for (const it of items) {
        if (!it.visible || !it.label) continue;
        const b = document.createElement('button');
        b.textContent = it.label;
        b.tabIndex = -1;
        if (it.inputable) b.setAttribute('aria-description', 'text field');
        b.dataset.x = (it.x + it.w / 2) * ratio;
        b.dataset.y = (it.y + it.h / 2) * ratio;
        root.appendChild(b);
    }
});

EM_JS(void, js_wake_after, (double ms), {
    if (Module.wakeTimer) clearTimeout(Module.wakeTimer);
    Module.wakeTimer = setTimeout(() => { Module.wakeTimer = 0; Module._thidua_wake(2); }, ms);
});

EM_JS(void, js_mark, (const char* name), {
    const n = UTF8ToString(name);
    performance.mark(n);
    if (window.thiduaOnMark) window.thiduaOnMark(n);
});

EM_JS(void, js_announce, (const char* text), {
    const live = document.getElementById('live');
    if (live) live.textContent = UTF8ToString(text);
});

EM_JS(void, js_show_error, (const char* text), {
    if (window.thiduaShowError) window.thiduaShowError(UTF8ToString(text));
});

EM_JS(void, js_copy_text, (const char* text), {
    const s = UTF8ToString(text);
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(s).catch(() => {});
});

EM_JS(void, js_set_cursor, (const char* cursor), {
    document.getElementById('canvas').style.cursor = UTF8ToString(cursor);
});

// ------------------------------------------------------------------------------------------------------------
// [SECTION] Events from JavaScript
// ------------------------------------------------------------------------------------------------------------
namespace
{
ImGuiKey KeyFromDom(const char* key)
{
    static const std::unordered_map<std::string, ImGuiKey> kKeys = {
        {"Tab", ImGuiKey_Tab}, {"ArrowLeft", ImGuiKey_LeftArrow}, {"ArrowRight", ImGuiKey_RightArrow},
        {"ArrowUp", ImGuiKey_UpArrow}, {"ArrowDown", ImGuiKey_DownArrow}, {"PageUp", ImGuiKey_PageUp},
        {"PageDown", ImGuiKey_PageDown}, {"Home", ImGuiKey_Home}, {"End", ImGuiKey_End},
        {"Insert", ImGuiKey_Insert}, {"Delete", ImGuiKey_Delete}, {"Backspace", ImGuiKey_Backspace},
        {" ", ImGuiKey_Space}, {"Enter", ImGuiKey_Enter}, {"Escape", ImGuiKey_Escape},
        {"F1", ImGuiKey_F1}, {"F2", ImGuiKey_F2}, {"F5", ImGuiKey_F5}, {"F11", ImGuiKey_F11}, {"F12", ImGuiKey_F12},
        {"Control", ImGuiKey_LeftCtrl}, {"Shift", ImGuiKey_LeftShift}, {"Alt", ImGuiKey_LeftAlt},
        {"Meta", ImGuiKey_LeftSuper}, {".", ImGuiKey_Period}, // many presentation clickers send "." to blank
    };
    auto it = kKeys.find(key);
    if (it != kKeys.end())
        return it->second;
    if (key[0] != 0 && key[1] == 0)
    {
        char c = key[0];
        if (c >= 'a' && c <= 'z')
            return static_cast<ImGuiKey>(ImGuiKey_A + (c - 'a'));
        if (c >= 'A' && c <= 'Z')
            return static_cast<ImGuiKey>(ImGuiKey_A + (c - 'A'));
        if (c >= '0' && c <= '9')
            return static_cast<ImGuiKey>(ImGuiKey_0 + (c - '0'));
    }
    return ImGuiKey_None;
}

// One Unicode character as UTF-8 (DOM `key` is the character for printable keys, a name like "Enter" otherwise).
bool IsSingleCharacter(const char* key)
{
    const unsigned char c = static_cast<unsigned char>(key[0]);
    const int len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    return c != 0 && std::strlen(key) == static_cast<size_t>(len);
}
} // namespace

extern "C" {
EMSCRIPTEN_KEEPALIVE void thidua_wake(int frames)
{
    platform::RequestRedraw(frames);
}

// kind: 0 down, 1 move, 2 up, 3 cancel, 4 leave
EMSCRIPTEN_KEEPALIVE void thidua_on_pointer(int kind, float x, float y, int button, int touch)
{
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(touch ? ImGuiMouseSource_TouchScreen : ImGuiMouseSource_Mouse);
    const int imgui_button = button == 2 ? 1 : button == 1 ? 2 : 0;
    switch (kind)
    {
    case 0:
        io.AddMousePosEvent(x, y); // position before the button: a tap must not "click where the last one was"
        io.AddMouseButtonEvent(imgui_button, true);
        g_web.pointers_down++;
        break;
    case 1:
        io.AddMousePosEvent(x, y);
        break;
    case 2:
    case 3:
        io.AddMousePosEvent(x, y);
        if (kind == 3)
            io.AddMousePosEvent(-FLT_MAX, -FLT_MAX); // a cancelled touch must not click
        io.AddMouseButtonEvent(imgui_button, false);
        if (touch)
            io.AddMousePosEvent(-FLT_MAX, -FLT_MAX); // no hover lingers after a finger lifts
        g_web.pointers_down = g_web.pointers_down > 0 ? g_web.pointers_down - 1 : 0;
        break;
    case 4:
        io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
        break;
    }
    platform::RequestRedraw();
}

EMSCRIPTEN_KEEPALIVE void thidua_on_wheel(float dx, float dy)
{
    ImGui::GetIO().AddMouseSourceEvent(ImGuiMouseSource_Mouse);
    ImGui::GetIO().AddMouseWheelEvent(dx, dy);
    platform::RequestRedraw();
}

// Returns 1 when the app used the key (the page then prevents the browser's default action).
EMSCRIPTEN_KEEPALIVE int thidua_on_key(const char* key, int down, int ctrl, int shift, int alt, int meta)
{
    ImGuiIO& io = ImGui::GetIO();
    io.AddKeyEvent(ImGuiMod_Ctrl, ctrl);
    io.AddKeyEvent(ImGuiMod_Shift, shift);
    io.AddKeyEvent(ImGuiMod_Alt, alt);
    io.AddKeyEvent(ImGuiMod_Super, meta);
    const ImGuiKey imgui_key = KeyFromDom(key);
    if (imgui_key != ImGuiKey_None)
        io.AddKeyEvent(imgui_key, down != 0);
    g_web.keys_down += down ? 1 : -1;
    if (g_web.keys_down < 0)
        g_web.keys_down = 0;
    bool handled = imgui_key != ImGuiKey_None;
    if (down && !ctrl && !meta && IsSingleCharacter(key))
    {
        io.AddInputCharactersUTF8(key);
        handled = true;
    }
    platform::RequestRedraw();
    return handled ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE void thidua_on_pinch(float spread, int start)
{
    if (g_web.hooks.pinch)
        g_web.hooks.pinch(spread, start != 0);
    platform::RequestRedraw();
}

EMSCRIPTEN_KEEPALIVE void thidua_on_focus(int focused)
{
    ImGui::GetIO().AddFocusEvent(focused != 0);
    g_web.keys_down = 0;
    g_web.pointers_down = 0;
    platform::RequestRedraw();
}

EMSCRIPTEN_KEEPALIVE void thidua_on_paste(const char* text)
{
    g_web.clipboard = text;
    ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput) // paste into the active field: Ctrl+V through ImGui reads g_web.clipboard
    {
        io.AddKeyEvent(ImGuiMod_Ctrl, true);
        io.AddKeyEvent(ImGuiKey_V, true);
        io.AddKeyEvent(ImGuiKey_V, false);
        io.AddKeyEvent(ImGuiMod_Ctrl, false);
    }
    platform::RequestRedraw();
}

EMSCRIPTEN_KEEPALIVE void thidua_on_text_input(const char* text, int sel_start, int sel_end)
{
    ui::TextEdit* edit = g_web.hooks.text_edit;
    if (!edit || edit->id == 0)
        return;
    edit->incoming = true;
    edit->incoming_text = text;
    edit->incoming_start = sel_start;
    edit->incoming_end = sel_end;
    g_web.proxy_text = text;
    platform::RequestRedraw();
}

EMSCRIPTEN_KEEPALIVE void thidua_on_text_blur()
{
    g_web.proxy_blurred = true;
    platform::RequestRedraw();
}

// 1 when (x, y) in canvas pixels is on a text field of the last frame.
EMSCRIPTEN_KEEPALIVE int thidua_hit_text_field(float x, float y)
{
    if (!g_web.hooks.items)
        return 0;
    for (const ui::RegisteredItem& item : g_web.hooks.items->items)
        if (item.inputable && item.visible && x >= item.x && x < item.x + item.w && y >= item.y && y < item.y + item.h)
            return 1;
    return 0;
}

EMSCRIPTEN_KEEPALIVE int thidua_text_field_multiline()
{
    return g_web.hooks.text_edit && g_web.hooks.text_edit->id != 0 &&
           g_web.hooks.text_edit->kind == ui::FieldKind::Multiline;
}

EMSCRIPTEN_KEEPALIVE void thidua_on_route(const char* route)
{
    g_web.route = route;
    g_web.route_from_address = true;
    if (g_web.hooks.open_route)
        g_web.hooks.open_route(route);
    platform::RequestRedraw();
}

// A click from the accessibility mirror: a mouse press and release at (x, y) canvas pixels.
EMSCRIPTEN_KEEPALIVE void thidua_activate(float x, float y)
{
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(ImGuiMouseSource_Mouse);
    io.AddMousePosEvent(x, y);
    io.AddMouseButtonEvent(0, true);
    io.AddMouseButtonEvent(0, false);
    platform::RequestRedraw();
}

EMSCRIPTEN_KEEPALIVE void thidua_on_fetch_done(int id, int status, const char* etag, const char* body, int len,
                                               const char* error)
{
    auto it = g_web.requests.find(id);
    if (it == g_web.requests.end())
        return;
    platform::HttpCallback done = std::move(it->second);
    g_web.requests.erase(it);
    platform::HttpResponse response;
    response.status = status;
    response.etag = etag;
    response.body.assign(body, static_cast<size_t>(len));
    response.error = error;
    done(response);
    platform::RequestRedraw();
}

EMSCRIPTEN_KEEPALIVE char* thidua_state_json()
{
    return strdup(g_web.hooks.state_json ? g_web.hooks.state_json().c_str() : "{}");
}

EMSCRIPTEN_KEEPALIVE char* thidua_items_json()
{
    return strdup(g_web.hooks.items ? ui::ItemsToJson(*g_web.hooks.items, g_web.pixel_ratio).c_str() : "[]");
}

EMSCRIPTEN_KEEPALIVE char* thidua_texts_json()
{
    return strdup(g_web.hooks.items ? ui::TextsToJson(*g_web.hooks.items).c_str() : "[]");
}

EMSCRIPTEN_KEEPALIVE int thidua_frame_count()
{
    return ImGui::GetCurrentContext() ? ImGui::GetFrameCount() : 0;
}

// ImFontAtlas::Build() falls back to ImGui's built-in ProggyClean font when no font was added. The app always
// adds its Noto Sans first, so the link (-Wl,--wrap in CMakeLists.txt) sends that fallback here and the linker
// drops the original with its 12 KB of base85 font data (about 9 KB of a first visit, gzipped).
ImFont* __wrap__ZN11ImFontAtlas14AddFontDefaultEPK12ImFontConfig(ImFontAtlas*, const ImFontConfig*)
{
    return nullptr;
}
} // extern "C"

// ------------------------------------------------------------------------------------------------------------
// [SECTION] Frame loop and redraw scheduler
// ------------------------------------------------------------------------------------------------------------
namespace
{
void ScheduleFrame();

// Sizes the canvas backing store to CSS size × devicePixelRatio (sharp text on tablets), every frame: browser
// zoom, a projector hot-plug or rotation change it with no event we could rely on.
void UpdateCanvasSize()
{
    double css_w = 0, css_h = 0;
    js_canvas_css_size(&css_w, &css_h);
    g_web.pixel_ratio = static_cast<float>(emscripten_get_device_pixel_ratio());
    const int w = static_cast<int>(std::lround(css_w * g_web.pixel_ratio));
    const int h = static_cast<int>(std::lround(css_h * g_web.pixel_ratio));
    if (w != g_web.width || h != g_web.height)
    {
        emscripten_set_canvas_element_size("#canvas", w, h);
        g_web.width = w;
        g_web.height = h;
    }
}

void UpdateMouseCursor()
{
    static const char* const kCursors[ImGuiMouseCursor_COUNT] = {"default", "text", "move", "ns-resize",
                                                                  "ew-resize", "nesw-resize", "nwse-resize",
                                                                  "pointer", "not-allowed"};
    const ImGuiMouseCursor cursor = ImGui::GetMouseCursor();
    js_set_cursor(cursor >= 0 && cursor < ImGuiMouseCursor_COUNT ? kCursors[cursor] : "default");
}

EM_BOOL OnAnimationFrame(double now_ms, void*)
{
    g_web.frame_scheduled = false;
    UpdateCanvasSize();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(g_web.width), static_cast<float>(g_web.height));
    io.DisplayFramebufferScale = ImVec2(1, 1);
    const double dt = g_web.last_frame_ms > 0 ? (now_ms - g_web.last_frame_ms) / 1000.0 : 1.0 / 60.0;
    io.DeltaTime = static_cast<float>(dt <= 0 ? 1.0 / 60.0 : (dt > 0.1 ? 0.1 : dt)); // clamp after idle
    g_web.last_frame_ms = now_ms;

    if (g_web.proxy_blurred)
    {
        g_web.proxy_blurred = false;
        if (ImGui::GetActiveID() != 0 && g_web.hooks.text_edit && g_web.hooks.text_edit->id == ImGui::GetActiveID())
            ImGui::ClearActiveID(); // the user closed the keyboard: keep the text, stop editing
    }
    g_web.hooks.frame();
    UpdateMouseCursor();

    if (g_web.pending_frames > 0)
        g_web.pending_frames--;
    // Keep drawing while a finger/button/key is held (drags, key repeat) or ImGui has queued input left.
    if (g_web.pointers_down > 0 || g_web.keys_down > 0 || ImGui::GetCurrentContext()->InputEventsQueue.Size > 0)
        g_web.pending_frames = g_web.pending_frames < 2 ? 2 : g_web.pending_frames;
    if (g_web.pending_frames > 0)
        ScheduleFrame();
    return EM_FALSE;
}

void ScheduleFrame()
{
    if (g_web.frame_scheduled)
        return;
    g_web.frame_scheduled = true;
    emscripten_request_animation_frame(OnAnimationFrame, nullptr);
}

// Mirrors the active text field into the hidden input when the field changed other than through it.
void SyncTextProxy()
{
    const ui::TextEdit* edit = g_web.hooks.text_edit;
    if (!edit || edit->id == 0)
    {
        if (g_web.proxy_field != 0)
            js_proxy_hide();
        g_web.proxy_field = 0;
        g_web.proxy_text.clear();
        return;
    }
    if (edit->id == g_web.proxy_field && edit->text == g_web.proxy_text)
        return;
    g_web.proxy_field = edit->id;
    g_web.proxy_text = edit->text;
    const float k = 1.0f / g_web.pixel_ratio;
    js_proxy_show(edit->text.c_str(), edit->selection_start, edit->selection_end, static_cast<int>(edit->kind),
                  edit->x * k, edit->y * k, edit->w * k, edit->h * k);
}

const char* GetClipboard(void*)
{
    return g_web.clipboard.c_str();
}

void SetClipboard(void*, const char* text)
{
    g_web.clipboard = text;
    js_copy_text(text);
}
} // namespace

// ------------------------------------------------------------------------------------------------------------
// [SECTION] Platform API
// ------------------------------------------------------------------------------------------------------------
bool platform::Init(const Hooks& hooks)
{
    g_web.hooks = hooks;
    EmscriptenWebGLContextAttributes attrs;
    emscripten_webgl_init_context_attributes(&attrs);
    attrs.majorVersion = 2;
    attrs.minorVersion = 0;
    attrs.alpha = EM_FALSE;
    attrs.antialias = EM_FALSE;
    attrs.depth = EM_FALSE;
    attrs.stencil = EM_FALSE;
    attrs.preserveDrawingBuffer = EM_FALSE; // frames are skipped while idle; the last one stays on screen
    // The canvas gets its size before the context: the drawing buffer is then made once at that size, instead of
    // made at 300×150 and reallocated (a resize cost 30-50 ms in Chromium's software path).
    UpdateCanvasSize();
    g_web.gl = emscripten_webgl_create_context("#canvas", &attrs);
    if (g_web.gl <= 0)
    {
        js_show_error("Trình duyệt này không hỗ trợ WebGL2, nên Thidua không thể hiển thị. Hãy dùng Chrome, Edge, "
                      "Firefox hoặc Safari bản mới. — This browser lacks WebGL2; please use a current browser.");
        return false;
    }
    emscripten_webgl_make_context_current(g_web.gl);

    ImGuiIO& io = ImGui::GetIO();
    io.BackendPlatformName = "thidua_web";
    io.IniFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    io.BackendFlags |= ImGuiBackendFlags_HasMouseCursors;
    io.ConfigWindowsMoveFromTitleBarOnly = true;
    io.SetClipboardTextFn = SetClipboard;
    io.GetClipboardTextFn = GetClipboard;
    renderer::Init(); // the shaders compile in the GPU process while the fonts are built
    js_install_listeners();
    js_install_test_interface();
    return true;
}

void platform::Run()
{
    RequestRedraw();
    emscripten_exit_with_live_runtime();
}

void platform::RequestRedraw(int frames)
{
    if (frames > g_web.pending_frames)
        g_web.pending_frames = frames;
    ScheduleFrame();
}

void platform::WakeAfter(double ms)
{
    js_wake_after(ms < 0 ? 0 : ms);
}

float platform::PixelRatio()
{
    return g_web.pixel_ratio;
}

void platform::ReloadFontTexture()
{
    renderer::ReloadFontTexture();
}

void platform::Present()
{
    glViewport(0, 0, g_web.width, g_web.height);
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    if (!renderer::Draw(ImGui::GetDrawData(), g_web.width, g_web.height) && !g_web.render_failed)
    {
        g_web.render_failed = true;
        js_show_error("Thiết bị này không chạy được chương trình đồ hoạ của Thidua (WebGL2). Hãy cập nhật trình duyệt "
                      "hoặc bật tăng tốc phần cứng. — The graphics shaders could not be linked on this device.");
    }
    SyncTextProxy();
}

// The URL hash follows the screen (so links and the back button work); the accessibility mirror follows the
// labelled widgets (rebuilt only when the set of labels changed, not every frame). A screen the person opened
// adds a history entry; the app's own form of an address it was given (the page's, or one Back returned to, e.g.
// no hash at all) replaces that entry, so Back never lands on an address that only sends it forward again.
void platform::PublishScreen()
{
    if (g_web.hooks.route)
    {
        const std::string route = g_web.hooks.route();
        if (route != g_web.route)
        {
            js_set_route(route.c_str(), g_web.route_from_address ? 1 : 0);
            g_web.route = route;
        }
        if (!route.empty()) // "" while the data loads: the address waits for the first screen
            g_web.route_from_address = false;
    }
    if (!g_web.hooks.items)
        return;
    std::string labels;
    for (const ui::RegisteredItem& item : g_web.hooks.items->items)
        if (item.visible)
            labels += item.label + '\n';
    const size_t hash = std::hash<std::string>()(labels);
    if (hash == g_web.mirror_hash)
        return;
    g_web.mirror_hash = hash;
    js_set_mirror(ui::ItemsToJson(*g_web.hooks.items, g_web.pixel_ratio).c_str(), g_web.pixel_ratio);
}

void platform::Fetch(const HttpRequest& request, HttpCallback done)
{
    const int id = g_web.next_request_id++;
    g_web.requests[id] = std::move(done);
    std::string headers = "{";
    for (const auto& [name, value] : request.headers)
    {
        if (headers.size() > 1)
            headers += ",";
        headers += "\"" + name + "\":\"";
        for (char c : value) // ASCII we made; an ETag (If-Match) carries quotes
            headers += c == '"' || c == '\\' ? std::string("\\") + c : std::string(1, c);
        headers += "\"";
    }
    headers += "}";
    js_fetch(id, request.method.c_str(), request.url.c_str(), headers.c_str(), request.body.data(),
             static_cast<int>(request.body.size()));
}

bool platform::EarlyRequest(const std::string& url)
{
    return js_early_request(url.c_str()) != 0;
}

void platform::LoadProgress(int files_done, int files_total)
{
    js_load_progress(files_done, files_total);
}

void platform::ShowLoadingOverlay(bool shown)
{
    js_show_loading(shown ? 1 : 0);
}

std::string platform::InitialRoute()
{
    char* route = js_initial_route();
    std::string result = route;
    free(route);
    return result;
}

std::string platform::ClusterOfAddress()
{
    char* id = js_cluster_of_address();
    std::string result = id;
    free(id);
    return result;
}

void platform::OpenAddress(const std::string& url)
{
    js_open_address(url.c_str());
}

std::string platform::TakeTokenFromAddress()
{
    char* token = js_take_token();
    std::string result = token;
    free(token);
    return result;
}

void platform::SetFullscreen(bool on)
{
    js_set_fullscreen(on ? 1 : 0);
}

void platform::Mark(const char* name)
{
    js_mark(name);
}

double platform::NowMs()
{
    return emscripten_get_now();
}

void platform::Announce(const std::string& text)
{
    js_announce(text.c_str());
}
