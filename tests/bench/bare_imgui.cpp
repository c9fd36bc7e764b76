// Benchmark baseline only (not part of the app): the "bare ImGui page" as ImGui's own Emscripten example
// builds it — GLFW, the OpenGL3 backend, and a main loop that draws every animation frame, idle or not.
// Built with BARE_CRISP (build/bench-crisp): the same page as a tablet needs it, an explanation of the gap and not
// the baseline: a drawing buffer at the device pixel ratio (2560×1600 on the benchmark's tablet instead of 1280×800
// stretched) and the app's Noto Sans, regular and bold, with the Vietnamese letters, at the app's text size.
// Built with BARE_HIDPI (build/bench-2x): the baseline with only its drawing buffer at the device pixel ratio, still
// ImGui's default font: the cost of the pixels alone, a floor for any page that is sharp on the tablet.
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#ifdef BARE_CRISP
#include "ui/theme.h" // ui::kBaseFontPx

#include <cstddef>

namespace ui
{
extern const unsigned char kFontRegular[];
extern const std::size_t kFontRegularSize;
extern const unsigned char kFontBold[];
extern const std::size_t kFontBoldSize;
} // namespace ui
#endif

namespace
{
GLFWwindow* g_window = nullptr;

void Frame()
{
    glfwPollEvents();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    ImGui::Begin("Bare ImGui");
    ImGui::Text("Đoàn kết, kỷ cương, đổi mới toàn diện để phát triển");
    if (ImGui::BeginTable("rows", 3))
    {
        for (int i = 0; i < 200; ++i)
        {
            ImGui::TableNextColumn();
            ImGui::Text("Row %d", i);
            ImGui::TableNextColumn();
            ImGui::Text("%d", i * 7);
            ImGui::TableNextColumn();
            ImGui::Text("%.2f", i * 0.25);
        }
        ImGui::EndTable();
    }
    ImGui::End();
    ImGui::Render();
    int w = 0, h = 0;
    glfwGetFramebufferSize(g_window, &w, &h);
    glViewport(0, 0, w, h);
    glClearColor(0.1f, 0.1f, 0.1f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    static bool marked = false; // the same mark as the app's, so the first-visit benchmark times both alike
    if (!marked)
    {
        marked = true;
        EM_ASM(performance.mark('thidua-ready'));
    }
}
} // namespace

int main()
{
#if defined(BARE_CRISP) || defined(BARE_HIDPI)
    const float ratio = static_cast<float>(EM_ASM_DOUBLE(return window.devicePixelRatio || 1));
#else
    const float ratio = 1.0f;
#endif
    glfwInit();
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    g_window = glfwCreateWindow(static_cast<int>(1280 * ratio), static_cast<int>(800 * ratio), "bare", nullptr, nullptr);
    glfwMakeContextCurrent(g_window);
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
#ifdef BARE_CRISP
    {
        ImFontConfig config;
        config.FontDataOwnedByAtlas = false;
        ImFontAtlas* atlas = ImGui::GetIO().Fonts;
        const ImWchar* vietnamese = atlas->GetGlyphRangesVietnamese();
        atlas->AddFontFromMemoryTTF(const_cast<unsigned char*>(ui::kFontRegular), static_cast<int>(ui::kFontRegularSize),
                                    ui::kBaseFontPx * ratio, &config, vietnamese);
        atlas->AddFontFromMemoryTTF(const_cast<unsigned char*>(ui::kFontBold), static_cast<int>(ui::kFontBoldSize),
                                    ui::kBaseFontPx * ratio, &config, vietnamese);
        ImGui::GetStyle().ScaleAllSizes(ratio);
    }
#endif
    ImGui_ImplGlfw_InitForOpenGL(g_window, true);
    ImGui_ImplOpenGL3_Init("#version 300 es");
    emscripten_set_main_loop(Frame, 0, 1);
}
