// The whole platform API the app sees: window/GL, input, the redraw scheduler, HTTP, the test interface.
// One implementation per platform (src/platform/web/ for the browser), chosen by CMake; no #ifdefs elsewhere.
#pragma once

#include "ui/item_registry.h"
#include "ui/text_field.h"

#include <functional>
#include <map>
#include <string>

namespace platform
{
struct HttpResponse
{
    int status = 0;            // 0 = network failure (offline, refused, timed out)
    std::string body;
    std::string etag;
    std::string error;         // transport error text when status == 0
};

struct HttpRequest
{
    std::string method = "GET";
    std::string url;
    std::map<std::string, std::string> headers;
    std::string body;
};

using HttpCallback = std::function<void(const HttpResponse&)>;

struct Hooks
{
    std::function<void()> frame;                // draws one frame: ImGui::NewFrame() ... ImGui::Render()
    std::function<std::string()> state_json;    // window.thidua.state() for tests and the accessibility mirror
    const ui::ItemRegistry* items = nullptr;    // window.thidua.items(); text-field hit tests for the keyboard
    ui::TextEdit* text_edit = nullptr;          // the active text field, mirrored to the hidden input
    std::function<std::string()> route;         // the screen and selection, mirrored to the URL hash
    std::function<void(const std::string&)> open_route; // the hash changed (back button, a pasted link)
    // Two fingers pinch on the canvas: `spread` = their distance now / when the second went down (1 at the start).
    std::function<void(float spread, bool start)> pinch;
};

// Creates the GL context, ImGui's renderer backend and the input listeners. Returns false (after showing a
// readable message on the page) when WebGL2 is unavailable.
bool Init(const Hooks& hooks);
// Hands control to the browser's event loop; frames run only when something asked for a redraw.
void Run();

// Asks for `frames` more frames (input, data, animation, timers all call this). Idle = zero frames.
void RequestRedraw(int frames = 4);
// Asks for a redraw after `ms` milliseconds (a scheduled sync, a clock); replaces the previous request.
void WakeAfter(double ms);
// Device pixels per CSS pixel of the canvas.
float PixelRatio();
// Re-uploads the font atlas after the fonts were rebuilt.
void ReloadFontTexture();
// Renders ImGui's draw data to the canvas, then mirrors the active text field to the hidden input.
void Present();
// After a drawn frame: the URL hash follows the screen, and the accessibility mirror its labelled controls.
void PublishScreen();

// Asynchronous HTTP; the callback runs on the main thread, and a redraw follows it. A GET the page already
// started while the wasm compiled (the first visit's data, web/index.html) is answered from that request.
void Fetch(const HttpRequest& request, HttpCallback done);
// True when the page started this GET itself and its answer is still to be taken (Fetch then gives it).
bool EarlyRequest(const std::string& url);
// Shows the data download's progress in the page's loading overlay (no frame is drawn until the data is in).
void LoadProgress(int files_done, int files_total);
// Shows the page's loading overlay again (a new load: the retry after a failed one; the canvas keeps its last
// frame meanwhile) or hides it (a frame was drawn).
void ShowLoadingOverlay(bool shown);

// The access token given in the page address (?token=...), which is then removed from the address bar so it
// is not bookmarked or shared by accident; "" when none.
std::string TakeTokenFromAddress();
// The URL hash when the page was opened, without '#' (e.g. "/meetings/mtg.x"); "" when none.
std::string InitialRoute();
// The cluster id of the page address /c/<id>/ (a deployment of several clusters), "" on a one-cluster server.
std::string ClusterOfAddress();
// Leaves the app for another address (relative to the page), e.g. the deployment's start page "../../".
void OpenAddress(const std::string& url);
// Enters or leaves full screen (projector). Call right after a key press or tap: browsers allow it only then.
void SetFullscreen(bool on);

// ---- browser services (browser_services.cpp) ----------------------------------------------------------------
struct ServiceHooks
{
    std::function<void(const std::string& name, const std::string& text)> on_file; // picked or dropped file
    std::function<void(bool online)> on_online;                                    // the network came or went
};
void InitServices(const ServiceHooks& hooks);

// Durable key-value storage (IndexedDB). `done(ok, error)` runs once the write is committed to disk.
void StorePut(const std::string& key, const std::string& value, std::function<void(bool, const std::string&)> done);
// `done(found, value)`.
void StoreGet(const std::string& key, std::function<void(bool, const std::string&)> done);
// Whether this browser has never kept this cluster's data: a first visit, whose store holds nothing worth waiting
// for (opening it then takes a while).
bool StoreIsNew();
// A number kept at once and across reloads for this cluster (localStorage): for a fact a reload right after it must
// not lose, as an IndexedDB write still queued behind a large one can be (the page's transactions end with it).
// KeptNumber is 0 when none was kept.
void KeepNumber(const std::string& key, double value);
double KeptNumber(const std::string& key);
// Runs one datasync::Sync in the sync worker: `done(ok, output_json_or_error)`.
void RunSyncWorker(const std::string& input, std::function<void(bool, const std::string&)> done);

struct BrowserStatus
{
    bool online = true;     // navigator.onLine (a hint: requests are the truth)
    bool writer = false;    // this tab holds the writer lock (other tabs of the app read only)
    bool persisted = false; // the browser promised not to evict our storage
    bool update_ready = false; // a new build is installed and waits (service worker)
};
BrowserStatus Status();
// Switches to the waiting new build (the page reloads). Call only at a safe moment.
void ApplyUpdate();

// Saves bytes as a file through the browser (pending edits, exports, CSV).
void Download(const std::string& name, const std::string& mime, const std::string& bytes);
// Opens `html` (a whole page) in a new tab from a Blob URL and calls its print dialog there, so "Save as PDF" works
// on tablets. Call right after a tap (browsers block pop-ups otherwise). False when the browser blocked the tab.
bool OpenPrintPage(const std::string& html);
// Opens the file picker; the chosen file arrives through ServiceHooks::on_file. Call right after a tap.
void PickFile(const std::string& accept);

// performance.mark(name); the first frame showing loaded data marks "thidua-ready".
void Mark(const char* name);
// Milliseconds since page start (monotonic).
double NowMs();
// Announces a status message to screen readers (ARIA live region).
void Announce(const std::string& text);
} // namespace platform
