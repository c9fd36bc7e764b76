// JSON Schema (2020-12) text for each file format, generated from the same field lists the reader uses,
// so the published schemas in assets/schema/ cannot drift from the C++ reader. No I/O.
#pragma once

#include "core/model/model.h"

#include <string>
#include <vector>

namespace io
{
std::string JsonSchema(model::FileKind kind); // "" for FileKind::Unknown
std::vector<model::FileKind> AllFileKinds();  // every format, datapackage first
} // namespace io
