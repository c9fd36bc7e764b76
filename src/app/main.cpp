// The web app's entry point and the only wiring code: owns AppState and the sync driver, runs frames.
// Per frame: fonts for the current scale -> (nothing more while the data loads) -> ImGui::NewFrame -> ui::DrawApp -> Render -> Present -> sync tick.
#include "app/history_driver.h"
#include "app/ministry_driver.h"
#include "app/sync_driver.h"
#include "app/documents.h"
#include "platform/platform.h"
#include "ui/app.h"
#include "ui/item_registry.h"
#include "ui/sync_panel.h"
#include "ui/theme.h"

#include <imgui.h>

#include <string>

namespace
{
ui::AppState g_app;        // the one AppState (main.cpp may hold it; nothing in ui/ does)
app::SyncDriver g_sync;
app::HistoryDriver g_history;
app::MinistryDriver g_ministry;
bool g_first_frame_marked = false;
bool g_overlay_shown = true; // the page's loading box covers the canvas (web/index.html starts with it)
bool g_ready_marked = false;
bool g_fullscreen = false;
std::string g_pending_route; // the URL's route, applied once the data is there
std::string g_announced;     // the last status told to screen readers

// Where the sync worker's server paths (/api/manifest, /data/...) start: the cluster's own address in a deployment
// of several clusters (/c/<id>), the root otherwise.
std::string SyncBase()
{
    return g_app.cluster_address.empty() ? "" : "/c/" + g_app.cluster_address;
}

// The atlas of the last start, from the platform's store (a repeat visit restores it instead of rasterising ~900
// glyphs: ~70 ms of the first frame). Read once at start; dropped once used.
constexpr const char* kFontsKey = "fonts";
bool g_fonts_awaited = true; // the store's answer about a kept atlas is still to come
std::string g_fonts_kept;

void EnsureFonts(ui::AppState& app)
{
    const float ratio = platform::PixelRatio();
    const float css_height = ImGui::GetIO().DisplaySize.y / ratio;
    const float scale = ratio * ui::FontTextScale(app, css_height);
    const bool projector = app.presentation.active; // the slides' huge titles: only while they are shown
    if (app.fonts.scale == scale && (app.fonts.huge != nullptr) == projector)
        return;
    // While the data loads nothing is drawn: the fonts can wait for the store's answer (it comes with the data's).
    if (g_fonts_awaited && app.load.status == ui::LoadState::Status::Loading)
        return;
    g_fonts_awaited = false;
    if (!g_fonts_kept.empty() && ui::RestoreFonts(g_fonts_kept, scale, projector, &app.fonts))
    {
        platform::Mark("thidua-fonts-kept");
    }
    else
    {
        app.fonts = ui::BuildFonts(scale, projector);
        const std::string packed = projector ? "" : ui::PackFonts(scale, projector); // the slides' atlas: not kept
        if (!packed.empty())
            platform::StorePut(kFontsKey, packed, [](bool, const std::string&) {});
    }
    g_fonts_kept = std::string();
    platform::ReloadFontTexture();
    platform::Mark("thidua-fonts");
}

void Frame()
{
    ui::AppState& app = g_app;
    if (app.retry_requested)
    {
        app.retry_requested = false;
        app.load = ui::LoadState{};
        g_sync = app::SyncDriver{};
        app::StartSync(g_sync, app, SyncBase());
    }
    // The first frame may show the latest year alone (app::CompleteLoad); the whole dataset is read before the next
    // frame, or before the first one when the address names a screen of its own.
    if (g_ready_marked || !g_pending_route.empty())
        app::CompleteLoad(g_sync, app);
    if (!g_pending_route.empty() && app.load.status == ui::LoadState::Status::Ready)
    {
        ui::OpenRoute(app, g_pending_route);
        g_pending_route.clear();
    }
    EnsureFonts(app);
    // While the data loads, the page's HTML overlay shows the progress and no frame is drawn: each WebGL frame
    // costs the compositor a read-back of the canvas, and the main thread is needed for the responses (issue #13).
    // The fonts and the GL objects are made meanwhile, so the first frame drawn is the one with the data.
    if (app.load.status == ui::LoadState::Status::Loading)
    {
        if (!g_overlay_shown) // a retry: the canvas still shows the failed load's screen, so the box comes back
        {
            g_overlay_shown = true;
            platform::ShowLoadingOverlay(true);
        }
        return;
    }
    app.now_ms = platform::NowMs();
    ImGui::NewFrame();
    ui::DrawApp(app);
    ImGui::Render();
    ui::FinishItemFrame(app.items);
    platform::Present();
    if (g_overlay_shown)
    {
        g_overlay_shown = false;
        platform::ShowLoadingOverlay(false);
    }

    if (!g_first_frame_marked)
    {
        g_first_frame_marked = true;
        platform::Mark("thidua-first-frame");
    }
    if (!g_ready_marked && app.load.status == ui::LoadState::Status::Ready)
    {
        // The first frame with the data reaches the screen before anything else runs: the address, the
        // accessibility mirror, committing the dataset to the store and starting the sync worker wait for the next
        // frame, a moment later.
        g_ready_marked = true;
        platform::Mark("thidua-ready");
        platform::WakeAfter(0);
        return;
    }
    platform::PublishScreen();
    if (app.presentation.active != g_fullscreen)
    {
        g_fullscreen = app.presentation.active;
        platform::SetFullscreen(g_fullscreen);
    }
    app::HandleDocumentRequest(app); // a "Văn bản" tap: download the .docx, open the print page
    const double now = platform::NowMs();
    app::TickSync(g_sync, app, now);
    app::TickHistory(g_history, g_sync, app);
    app::TickMinistry(g_ministry, g_sync, app);
    double delay = app::NextSyncDelay(g_sync, now);
    if (app.wake_in_ms >= 0 && (delay < 0 || app.wake_in_ms < delay))
        delay = app.wake_in_ms; // one timer: the earlier of the next sync and the screen's own wake-up
    if (delay >= 0)
        platform::WakeAfter(delay);
    if (app.animating)
        platform::RequestRedraw(1);
    // Screen readers hear the sync status when it changes (ARIA live region), never every frame.
    const std::string status = app.load.status == ui::LoadState::Status::Failed ? app.load.error
                                                                               : ui::SyncStatusText(app);
    if (status != g_announced)
    {
        g_announced = status;
        platform::Announce(status);
    }
}
} // namespace

int main()
{
    platform::Mark("thidua-main"); // the wasm is compiled and running
    ImGui::CreateContext();
    ui::AttachItemRegistry(ImGui::GetCurrentContext(), &g_app.items);
    platform::Hooks hooks;
    hooks.frame = Frame;
    hooks.state_json = [] { return ui::StateJson(g_app); };
    hooks.items = &g_app.items;
    hooks.text_edit = &g_app.text_edit;
    hooks.route = [] { return g_app.load.status == ui::LoadState::Status::Ready ? ui::CurrentRoute(g_app) : std::string(); };
    hooks.open_route = [](const std::string& route) { ui::OpenRoute(g_app, route); };
    hooks.pinch = [](float spread, bool start) { // pinch = the text size, in the A– / A+ steps
        static float at_start = 1.0f;
        if (start)
            at_start = g_app.settings.text_scale;
        g_app.settings.text_scale = ui::NearestTextScale(at_start * spread);
    };
    if (!platform::Init(hooks))
        return 1;
    platform::ServiceHooks services;
    services.on_online = [](bool online) {
        if (online)
            g_app.sync.sync_now = true; // the network is back: push what waited
    };
    services.on_file = [](const std::string& name, const std::string& text) {
        g_sync.file_received = true; // planned at the next tick: checked, compared, shown as a preview
        g_sync.file_name = name;
        g_sync.file_bytes = text;
    };
    platform::InitServices(services);
    if (platform::StoreIsNew()) // a first visit: the fonts are built while the data downloads
        g_fonts_awaited = false;
    else
        platform::StoreGet(kFontsKey, [](bool found, const std::string& bytes) {
            if (!g_fonts_awaited)
                return; // the fonts were needed before the store answered
            if (found)
                g_fonts_kept = bytes;
            g_fonts_awaited = false;
            platform::RequestRedraw();
        });
    g_pending_route = platform::InitialRoute();
    g_app.cluster_address = platform::ClusterOfAddress();
    app::StartSync(g_sync, g_app, SyncBase());
    platform::Run();
    return 0;
}
