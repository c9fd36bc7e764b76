// The "Văn bản" action's other half: after a frame in which a screen asked for a paper (ui::DocumentState), build it
// with core/docs, download the .docx and open the print page; or keep the data's problems for the screen to show.
#pragma once

#include "ui/app_state.h"

namespace app
{
void HandleDocumentRequest(ui::AppState& app);
} // namespace app
