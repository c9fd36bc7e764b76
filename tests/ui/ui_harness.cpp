// The headless harness (see ui_harness.h).
#include "ui_harness.h"

#include <cfloat>
#include <cstdlib>
#include <filesystem>
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
    app.data_changed = true;
}

std::string uitest::MakeSynthetic(int members, int criteria, int years, int seed)
{
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() /
                         ("thidua-ui-synth-" + std::to_string(members) + "-" + std::to_string(criteria) + "-" +
                          std::to_string(years) + "-" + std::to_string(seed));
    if (!fs::exists(dir / "datapackage.json"))
    {
        fs::remove_all(dir);
        const std::string command = std::string(THIDUA_CLI) + " synth --members " + std::to_string(members) +
                                    " --criteria " + std::to_string(criteria) + " --years " + std::to_string(years) +
                                    " --seed " + std::to_string(seed) + " " + dir.string() + " > /dev/null";
        if (std::system(command.c_str()) != 0)
            return "";
    }
    return dir.string();
}

void uitest::ScaleMembers(model::Dataset& data, int members)
{
    for (model::Results& results : data.results)
    {
        std::vector<model::Score> kept;
        for (model::Score& score : results.scores)
            if (score.stage != "cross" && score.stage != "review")
                kept.push_back(std::move(score));
        results.scores = std::move(kept);
    }
    const std::vector<model::ClusterMembership> originals = data.cluster.memberships;
    const std::vector<model::Organization> orgs = data.organizations;
    const std::vector<model::SelfAssessment> selfs = data.self_assessments;
    if (originals.empty())
        return;
    for (size_t k = originals.size(); k < static_cast<size_t>(members); ++k)
    {
        const model::ClusterMembership& from = originals[k % originals.size()];
        const std::string suffix = ".x" + std::to_string(k);
        const std::string id = from.organization_id + suffix;
        for (const model::Organization& org : orgs)
            if (org.id == from.organization_id)
            {
                model::Organization copy = org;
                copy.id = id;
                copy.name += " " + std::to_string(k);
                copy.short_name += " " + std::to_string(k);
                data.organizations.push_back(copy);
            }
        model::ClusterMembership membership = from;
        membership.id += suffix;
        membership.organization_id = id;
        data.cluster.memberships.push_back(membership);
        for (const model::SelfAssessment& self : selfs)
            if (self.organization_id == from.organization_id)
            {
                model::SelfAssessment copy = self;
                copy.organization_id = id;
                for (model::Score& score : copy.scores)
                {
                    score.id += suffix;
                    score.subject_org_id = score.scorer_org_id = id;
                }
                data.self_assessments.push_back(copy);
            }
        for (model::Results& results : data.results)
        {
            const size_t count = results.scores.size();
            for (size_t i = 0; i < count; ++i)
                if (results.scores[i].subject_org_id == from.organization_id)
                {
                    model::Score copy = results.scores[i];
                    copy.id += suffix;
                    copy.subject_org_id = id;
                    results.scores.push_back(copy);
                }
        }
    }
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
    app.now_ms += 1000.0 / 60.0; // the wall clock, as the platform gives it
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

bool uitest::Harness::TapItem(const ui::RegisteredItem& item)
{
    const float x = item.x + item.w / 2, y = item.y + item.h / 2;
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

bool uitest::Harness::Tap(const std::string& label)
{
    const ui::RegisteredItem* item = ui::FindItem(app.items, label);
    return item && TapItem(*item);
}

bool uitest::Harness::LongPress(const std::string& label)
{
    const ui::RegisteredItem* found = ui::FindItem(app.items, label);
    if (!found)
        return false;
    const ui::RegisteredItem item = *found;
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
    io.AddMousePosEvent(item.x + item.w / 2, item.y + item.h / 2);
    io.AddMouseButtonEvent(0, true);
    Frames(45); // 0.75 s at 60 frames per second
    io.AddMouseButtonEvent(0, false);
    io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
    Frames(3);
    return true;
}

void uitest::Harness::Swipe(float x, float y, float dx, float dy, int steps)
{
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
    io.AddMousePosEvent(x, y);
    io.AddMouseButtonEvent(0, true);
    Frames(1);
    for (int i = 1; i <= steps; ++i)
    {
        io.AddMousePosEvent(x + dx * static_cast<float>(i) / static_cast<float>(steps),
                            y + dy * static_cast<float>(i) / static_cast<float>(steps));
        Frames(1);
    }
    Frames(12); // the finger rests: the speed decays to nothing before it lifts
    io.AddMouseButtonEvent(0, false);
    io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
    Frames(3);
}

bool uitest::Harness::Has(const std::string& label) const
{
    return ui::FindItem(app.items, label) != nullptr;
}

bool uitest::Harness::ScrollTo(const std::string& label, float x, float y, int tries)
{
    ImGuiIO& io = ImGui::GetIO();
    for (int i = 0; i < tries && !Has(label); ++i)
    {
        io.AddMouseSourceEvent(ImGuiMouseSource_Mouse);
        io.AddMousePosEvent(x, y);
        Frame();
        io.AddMouseWheelEvent(0, -2);
        Frames(2);
        io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
        Frame();
    }
    return Has(label);
}

std::vector<ui::RegisteredItem> uitest::Harness::Items(const std::string& label) const
{
    std::vector<ui::RegisteredItem> out;
    for (const ui::RegisteredItem& item : app.items.items)
        if (item.visible && item.label == label)
            out.push_back(item);
    return out;
}

std::vector<std::string> uitest::Harness::CutTexts() const
{
    std::vector<std::string> cut;
    for (std::size_t k = 0; k < app.items.texts.size(); ++k)
    {
        const ui::TextPlace& place = app.items.places[k];
        if (!place.scrolls_x && place.x < place.clip_right && ui::TextRight(app.items, k) > place.clip_right + 1.0f)
            cut.push_back(app.items.texts[k]);
    }
    return cut;
}

void uitest::Harness::Key(ImGuiKey key, ImGuiKey modifier)
{
    ImGuiIO& io = ImGui::GetIO();
    if (modifier != ImGuiKey_None)
        io.AddKeyEvent(modifier, true);
    io.AddKeyEvent(key, true);
    Frame();
    io.AddKeyEvent(key, false);
    if (modifier != ImGuiKey_None)
        io.AddKeyEvent(modifier, false);
    Frames(2);
}

bool uitest::Harness::Type(const std::string& text)
{
    if (app.text_edit.id == 0)
        return false;
    app.text_edit.incoming = true;
    app.text_edit.incoming_text = text;
    app.text_edit.incoming_start = app.text_edit.incoming_end = static_cast<int>(text.size());
    Frames(2);
    return true;
}

void uitest::Harness::Resize(float width, float height)
{
    ImGui::GetIO().DisplaySize = ImVec2(width, height);
    Frames(2);
}

nlohmann::json uitest::Harness::State() const
{
    return nlohmann::json::parse(ui::StateJson(app));
}
