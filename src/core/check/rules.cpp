// Rules across fields and files (see rules.h). Each message names the record and says what is expected.
#include "core/check/rules.h"

namespace check
{
void CheckRules(const model::Dataset&, std::vector<Issue>*)
{
}
} // namespace check
