// Namespace datasync, not sync: POSIX declares a global sync() in <unistd.h>.
// The one seam between the sync client and the network: send one HTTP request, get one response.
// Native builds plug in a cpp-httplib transport (src/server/http_transport.h); the browser plugs in fetch().
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace datasync
{
struct HttpRequest
{
    std::string method; // GET, PUT, PROPFIND
    std::string path;   // absolute path on the server, e.g. "/data/meetings/m1.json"
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
};

struct HttpResponse
{
    int status = 0; // 0 = no response (offline, timeout, connection dropped)
    std::map<std::string, std::string> headers; // names in lower case
    std::string body;
    std::string error; // transport's reason when status == 0
};

struct Transport
{
    virtual ~Transport() = default;
    virtual HttpResponse Send(const HttpRequest& request) = 0;
};
} // namespace datasync
