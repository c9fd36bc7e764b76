// Draws ImGui's draw lists with WebGL2: the app's own renderer instead of ImGui's portable OpenGL3 backend
// (issue #13). What it saves on the way to the first frame, measured in a Chromium trace:
// - no synchronous GPU round trips: the backend asks the GPU process for compile and link status, attribute and
//   uniform locations, and saves and restores the whole GL state every frame (glGet*), each call waiting for the
//   GPU process; here attributes have fixed locations, the projection is a constant vertex attribute, the sampler
//   is unit 0, and the link status is read once, at the first frame, so shaders compile while the fonts are built;
// - a font texture a quarter the size: one byte per texel (R8, the atlas's own alpha bytes) instead of RGBA32,
//   with no conversion pass (the shader reads the coverage from the red channel; text and shapes get their colour
//   from the vertices, and the atlas's white texel is 255 like every other covered texel).
// The app is the only user of its GL context, so no state is saved or restored.
#include "platform/web/renderer.h"

#include <imgui.h>

#include <GLES3/gl3.h>

#include <cstdint>

namespace
{
constexpr GLuint kPos = 0, kUv = 1, kColor = 2, kTransform = 3; // attribute locations fixed in the shader

const char* const kVertexShader = R"(#version 300 es
layout(location = 0) in vec2 pos;
layout(location = 1) in vec2 uv;
layout(location = 2) in vec4 color;
layout(location = 3) in vec4 transform; // constant: scale x, y and offset x, y from pixels to clip space
out vec2 v_uv;
out vec4 v_color;
void main() {
    v_uv = uv;
    v_color = color;
    gl_Position = vec4(pos * transform.xy + transform.zw, 0.0, 1.0);
})";

const char* const kFragmentShader = R"(#version 300 es
precision highp float; // texel-exact coordinates in an atlas up to 4096 texels tall
uniform sampler2D atlas;
in vec2 v_uv;
in vec4 v_color;
out vec4 out_color;
void main() {
    out_color = vec4(v_color.rgb, v_color.a * texture(atlas, v_uv).r);
})";

struct Renderer
{
    GLuint program = 0, vao = 0, vbo = 0, ibo = 0, font_texture = 0;
    bool checked = false; // the link status was read (at the first frame)
    bool usable = false;
};
Renderer g_renderer;

GLuint CompileShader(GLenum type, const char* source)
{
    const GLuint shader = glCreateShader(type);
    glShaderSource(shader, 1, &source, nullptr);
    glCompileShader(shader);
    return shader;
}
} // namespace

void renderer::Init()
{
    Renderer& r = g_renderer;
    const GLuint vs = CompileShader(GL_VERTEX_SHADER, kVertexShader);
    const GLuint fs = CompileShader(GL_FRAGMENT_SHADER, kFragmentShader);
    r.program = glCreateProgram();
    glAttachShader(r.program, vs);
    glAttachShader(r.program, fs);
    glLinkProgram(r.program);
    glDeleteShader(vs); // flagged: freed with the program
    glDeleteShader(fs);

    glGenVertexArrays(1, &r.vao);
    glGenBuffers(1, &r.vbo);
    glGenBuffers(1, &r.ibo);
    glBindVertexArray(r.vao);
    glBindBuffer(GL_ARRAY_BUFFER, r.vbo);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, r.ibo); // part of the VAO's state
    glEnableVertexAttribArray(kPos);
    glEnableVertexAttribArray(kUv);
    glEnableVertexAttribArray(kColor);
    const GLsizei stride = sizeof(ImDrawVert);
    glVertexAttribPointer(kPos, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, pos)));
    glVertexAttribPointer(kUv, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<void*>(offsetof(ImDrawVert, uv)));
    glVertexAttribPointer(kColor, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride,
                          reinterpret_cast<void*>(offsetof(ImDrawVert, col)));

    ImGui::GetIO().BackendRendererName = "thidua_webgl2";
}

void renderer::ReloadFontTexture()
{
    Renderer& r = g_renderer;
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    atlas->GetTexDataAsAlpha8(&pixels, &width, &height);
    if (r.font_texture == 0)
        glGenTextures(1, &r.font_texture);
    glBindTexture(GL_TEXTURE_2D, r.font_texture);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1); // rows of any width
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, width, height, 0, GL_RED, GL_UNSIGNED_BYTE, pixels);
    atlas->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(r.font_texture)));
    atlas->ClearTexData(); // the GPU holds the pixels now
}

bool renderer::Draw(const ImDrawData* draw_data, int fb_width, int fb_height)
{
    Renderer& r = g_renderer;
    if (!r.checked)
    {
        r.checked = true;
        GLint linked = GL_FALSE;
        glGetProgramiv(r.program, GL_LINK_STATUS, &linked); // the one synchronous query, once
        r.usable = linked == GL_TRUE;
    }
    if (!r.usable || !draw_data || fb_width <= 0 || fb_height <= 0)
        return r.usable;

    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glEnable(GL_SCISSOR_TEST);
    glViewport(0, 0, fb_width, fb_height);
    glUseProgram(r.program);
    glActiveTexture(GL_TEXTURE0);
    glBindVertexArray(r.vao);
    glBindBuffer(GL_ARRAY_BUFFER, r.vbo);

    // Pixels (DisplayPos at the top left) to clip space (y up).
    const ImVec2 pos = draw_data->DisplayPos, size = draw_data->DisplaySize;
    glVertexAttrib4f(kTransform, 2.0f / size.x, -2.0f / size.y, -1.0f - 2.0f * pos.x / size.x,
                     1.0f + 2.0f * pos.y / size.y);

    const ImVec2 scale = draw_data->FramebufferScale;
    constexpr GLenum kIndexType = sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT;
    for (int n = 0; n < draw_data->CmdListsCount; n++)
    {
        const ImDrawList* list = draw_data->CmdLists[n];
        glBufferData(GL_ARRAY_BUFFER, list->VtxBuffer.Size * static_cast<GLsizeiptr>(sizeof(ImDrawVert)),
                     list->VtxBuffer.Data, GL_STREAM_DRAW);
        glBufferData(GL_ELEMENT_ARRAY_BUFFER, list->IdxBuffer.Size * static_cast<GLsizeiptr>(sizeof(ImDrawIdx)),
                     list->IdxBuffer.Data, GL_STREAM_DRAW);
        for (const ImDrawCmd& cmd : list->CmdBuffer)
        {
            if (cmd.UserCallback) // the app adds none; ImGui's own reset marker needs nothing here
            {
                if (cmd.UserCallback != ImDrawCallback_ResetRenderState)
                    cmd.UserCallback(list, &cmd);
                continue;
            }
            const float x0 = (cmd.ClipRect.x - pos.x) * scale.x, y0 = (cmd.ClipRect.y - pos.y) * scale.y;
            const float x1 = (cmd.ClipRect.z - pos.x) * scale.x, y1 = (cmd.ClipRect.w - pos.y) * scale.y;
            if (x1 <= x0 || y1 <= y0 || cmd.ElemCount == 0)
                continue;
            glScissor(static_cast<GLint>(x0), static_cast<GLint>(fb_height - y1), static_cast<GLsizei>(x1 - x0),
                      static_cast<GLsizei>(y1 - y0));
            glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(reinterpret_cast<intptr_t>(cmd.GetTexID())));
            glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(cmd.ElemCount), kIndexType,
                           reinterpret_cast<void*>(cmd.IdxOffset * sizeof(ImDrawIdx)));
        }
    }
    glDisable(GL_SCISSOR_TEST);
    return true;
}
