#include "ui_harness.h"

#include <imgui.h>

#include <cfloat>
#include <fstream>
#include <sstream>

namespace
{
std::string ReadFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}
} // namespace

void uitest::LoadFolder(ui::AppState& app, const std::string& folder)
{
    io::DataFiles files;
    files[io::kDescriptorPath] = ReadFile(folder + "/" + io::kDescriptorPath);
    for (const std::string& path : io::ListDatasetFiles(files[io::kDescriptorPath], &app.issues))
        files[path] = ReadFile(folder + "/" + path);
    io::LoadResult result = io::LoadDataset(files);
    app.dataset = std::move(result.dataset);
    app.issues.insert(app.issues.end(), result.issues.begin(), result.issues.end());
    app.load.status = ui::LoadState::Status::Ready;
}

uitest::Harness::Harness(float width, float height, float scale)
{
    ImGui::CreateContext();
    ui::AttachItemRegistry(ImGui::GetCurrentContext(), &app.items);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(width, height);
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    app.fonts = ui::BuildFonts(scale);
    ui::ApplyTheme(ui::ThemeKind::Light, scale);
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
}

uitest::Harness::~Harness()
{
    ImGui::DestroyContext();
}

void uitest::Harness::Frame()
{
    ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
    ImGui::NewFrame();
    ui::DrawApp(app);
    ImGui::Render();
    ui::FinishItemFrame(app.items);
}

void uitest::Harness::Frames(int count)
{
    for (int i = 0; i < count; ++i)
        Frame();
}

bool uitest::Harness::Tap(const std::string& label)
{
    const ui::RegisteredItem* item = ui::FindItem(app.items, label);
    if (!item)
        return false;
    const float x = item->x + item->w / 2, y = item->y + item->h / 2;
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
    io.AddMousePosEvent(x, y);
    io.AddMouseButtonEvent(0, true);
    Frames(2);
    io.AddMouseButtonEvent(0, false);
    io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
    Frames(3);
    return true;
}

bool uitest::Harness::Has(const std::string& label) const
{
    return ui::FindItem(app.items, label) != nullptr;
}
