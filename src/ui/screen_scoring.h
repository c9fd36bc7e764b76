// Scoring: a member unit enters its own self-assessment (each field asks for what the criterion means, with the
// points it gives beside it as it is typed) and sends it to the secretariat; the secretariat sees who has sent
// ("7/10 đơn vị đã gửi"), opens a unit and enters or agrees the final scores.
#pragma once

#include <string>

namespace ui
{
struct AppState;

struct ScoringScreen
{
    std::string org;         // the unit whose sheet is open ("" = the list; a unit always sees its own)
    std::string typing_key;  // "<stage>#<criterion-id>" of the field being typed
    std::string typing_text; // its text until the field is left
};

void DrawScoringScreen(ScoringScreen& screen, AppState& app);
} // namespace ui
