// Small shared drawing helpers used by several screens (badges, labelled values, section headings).
#pragma once

#include "core/model/model.h"

#include <imgui.h>

#include <string>

namespace ui
{
struct AppState;

// A filled rounded label, e.g. the red "synthetic data" badge.
void Badge(const char* text, ImU32 background, ImU32 foreground);
// "Label: value" on one line, label dimmed; wraps long values.
void LabelValue(const char* label, const std::string& value);
// A heading in the large bold font.
void Heading(const AppState& app, const std::string& text);

// Lookups by id; nullptr when the id does not resolve.
const model::Organization* FindOrganization(const model::Dataset& data, const std::string& id);
// The organisation's short name, or its id when unknown (never an empty cell).
std::string OrgName(const model::Dataset& data, const std::string& id);
} // namespace ui
