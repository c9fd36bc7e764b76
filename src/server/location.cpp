// See location.h.
#include "server/location.h"

#include "server/store.h"

bool server::ReadRootObject(const std::string& root, const std::string& name, std::string* bytes)
{
    bytes->clear();
    return ReadWholeFile(root + "/" + name, bytes);
}
