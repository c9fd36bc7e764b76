// The web app's entry point and the only wiring code: owns AppState, loads the dataset over HTTP, runs frames.
// Order per frame: fonts for the current scale -> ImGui::NewFrame -> ui::DrawApp -> Render -> Present.
#include "core/io/dataset.h"
#include "platform/platform.h"
#include "ui/app.h"
#include "ui/item_registry.h"
#include "ui/theme.h"

#include <imgui.h>

#include <memory>

namespace
{
ui::AppState g_app; // the one AppState (main.cpp may hold it; nothing in ui/ does)
bool g_first_frame_marked = false;
bool g_ready_marked = false;

const char* const kDataRoot = "data/";

// Loads datapackage.json, then every file it lists, then hands the bytes to the core loader (which checks all).
void LoadDataset(ui::AppState& app)
{
    app.load = ui::LoadState{};
    platform::HttpRequest request;
    request.url = std::string(kDataRoot) + "datapackage.json";
    platform::Fetch(request, [&app](const platform::HttpResponse& response) {
        if (response.status != 200)
        {
            app.load.status = ui::LoadState::Status::Failed;
            app.load.error = "datapackage.json: " + (response.status == 0 ? response.error
                                                                           : "HTTP " + std::to_string(response.status));
            return;
        }
        std::vector<check::Issue> issues;
        std::vector<std::string> paths = io::ListDatasetFiles(response.body, &issues);
        auto files = std::make_shared<io::DataFiles>();
        (*files)["datapackage.json"] = response.body;
        app.load.files_total = static_cast<int>(paths.size());
        if (paths.empty())
        {
            app.load.status = ui::LoadState::Status::Failed;
            app.load.error = issues.empty() ? "datapackage.json: no files listed" : check::FormatIssue(issues.front());
            return;
        }
        for (const std::string& path : paths)
        {
            platform::HttpRequest file_request;
            file_request.url = kDataRoot + path;
            platform::Fetch(file_request, [&app, files, path](const platform::HttpResponse& file) {
                if (file.status == 200)
                    (*files)[path] = file.body;
                else
                    app.issues.push_back({path, "", "could not be fetched (" +
                                                        (file.status == 0 ? file.error : "HTTP " + std::to_string(file.status)) + ")"});
                if (++app.load.files_fetched < app.load.files_total)
                    return;
                io::LoadResult result = io::LoadDataset(*files);
                app.dataset = std::move(result.dataset);
                app.issues.insert(app.issues.end(), result.issues.begin(), result.issues.end());
                app.load.status = ui::LoadState::Status::Ready;
            });
        }
    });
}

void EnsureFonts(ui::AppState& app)
{
    const float scale = platform::PixelRatio() * app.settings.text_scale;
    if (app.fonts.scale == scale)
        return;
    app.fonts = ui::BuildFonts(scale);
    ui::ApplyTheme(ui::ThemeKind::Light, scale);
    platform::ReloadFontTexture();
}

void Frame()
{
    ui::AppState& app = g_app;
    if (app.retry_requested)
    {
        app.retry_requested = false;
        LoadDataset(app);
    }
    EnsureFonts(app);
    ImGui::NewFrame();
    ui::DrawApp(app);
    ImGui::Render();
    ui::FinishItemFrame(app.items);
    platform::Present();
    if (app.animating)
        platform::RequestRedraw(1);

    if (!g_first_frame_marked)
    {
        g_first_frame_marked = true;
        platform::Mark("thidua-first-frame");
    }
    if (!g_ready_marked && app.load.status == ui::LoadState::Status::Ready)
    {
        g_ready_marked = true;
        platform::Mark("thidua-ready");
    }
}
} // namespace

int main()
{
    ImGui::CreateContext();
    ui::AttachItemRegistry(ImGui::GetCurrentContext(), &g_app.items);
    platform::Hooks hooks;
    hooks.frame = Frame;
    hooks.state_json = [] { return ui::StateJson(g_app); };
    hooks.items = &g_app.items;
    hooks.text_edit = &g_app.text_edit;
    if (!platform::Init(hooks))
        return 1;
    LoadDataset(g_app);
    platform::Run();
    return 0;
}
