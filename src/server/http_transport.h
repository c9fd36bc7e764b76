// The native datasync::Transport over cpp-httplib (tests, benchmarks, a future `thidua sync`).
#pragma once

#include "core/sync/transport.h"

#include <memory>
#include <string>

namespace httplib
{
class Client;
}

namespace server
{
struct HttpTransport : datasync::Transport
{
    HttpTransport(std::string host, int port, int timeout_seconds = 5, bool keep_alive = true);
    ~HttpTransport() override;
    datasync::HttpResponse Send(const datasync::HttpRequest& request) override;

    std::string host;
    int port = 0;
    int timeout_seconds = 5;
    bool keep_alive = true;
    std::unique_ptr<httplib::Client> m_client; // kept alive between requests, rebuilt after an error
};
} // namespace server
