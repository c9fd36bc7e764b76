// Scoring: a member unit enters its own self-assessment (each field asks for what the criterion means, with the
// points it gives beside it as it is typed; a value the checker would refuse stays typed, with the reason under it)
// and sends it to the secretariat, asked once more with what is still empty; the secretariat sees who has sent
// ("7/10 đơn vị đã gửi"), opens a unit, enters or agrees the final scores, and may give a sent sheet back.
#pragma once

#include <map>
#include <string>

namespace ui
{
struct AppState;

struct ScoringScreen
{
    std::string org;         // the unit whose sheet is open ("" = the list; a unit always sees its own)
    std::string typing_key;  // "<stage>#<org>#<criterion-id>" of the field being typed
    std::string typing_text; // its text until the field is left
    struct Refused           // a typed value that was not stored: it stays in its field, with why under it
    {
        std::string text;
        std::string message;
    };
    std::map<std::string, Refused> refused; // by the field's key, until a value it may store is typed there
    std::string confirm_send;               // the unit whose "Gửi Văn phòng Cụm" waits for "Gửi" or "Huỷ"
};

void DrawScoringScreen(ScoringScreen& screen, AppState& app);
} // namespace ui
