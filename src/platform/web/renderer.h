// The app's WebGL2 renderer for ImGui's draw lists (renderer.cpp says why it is not ImGui's OpenGL3 backend).
// Browser platform code only; the WebGL2 context must be current.
#pragma once

struct ImDrawData;

namespace renderer
{
// Starts compiling the shaders and makes the vertex buffers; nothing waits for the GPU.
void Init();
// Uploads the font atlas ImGui built (one byte per texel) and hands ImGui its texture.
void ReloadFontTexture();
// Draws one frame's lists into the current framebuffer. False when the shaders could not be linked (the GPU
// cannot run them); the caller tells the user.
bool Draw(const ImDrawData* draw_data, int fb_width, int fb_height);
} // namespace renderer
