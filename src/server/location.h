// Reading the one file of a deployment that lives outside any cluster: <root>/deployment.json. Kept in one small
// function so that a store other than a local folder (an object store) swaps only this read.
#pragma once

#include <string>

namespace server
{
// The bytes of `name` directly under the data location `root` (a folder today). false when there is no such file
// (then *bytes is empty).
bool ReadRootObject(const std::string& root, const std::string& name, std::string* bytes);
} // namespace server
