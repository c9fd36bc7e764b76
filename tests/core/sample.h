// The sample dataset (assets/data/cum1) read from disk for core tests, as the app loads it.
#pragma once

#include "core/model/model.h"

namespace coretest
{
model::Dataset LoadSample();
} // namespace coretest
