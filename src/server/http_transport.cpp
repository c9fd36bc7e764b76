// datasync::Transport over cpp-httplib; see http_transport.h.
#include "server/http_transport.h"

#include <httplib.h>

#include <cctype>

server::HttpTransport::HttpTransport(std::string host_, int port_, int timeout_seconds_, bool keep_alive_)
    : host(std::move(host_)), port(port_), timeout_seconds(timeout_seconds_), keep_alive(keep_alive_)
{
}

server::HttpTransport::~HttpTransport() = default;

datasync::HttpResponse server::HttpTransport::Send(const datasync::HttpRequest& request)
{
    if (!m_client)
    {
        m_client = std::make_unique<httplib::Client>(host, port);
        m_client->set_keep_alive(keep_alive);
        m_client->set_tcp_nodelay(true);
        m_client->set_connection_timeout(timeout_seconds, 0);
        m_client->set_read_timeout(timeout_seconds, 0);
        m_client->set_write_timeout(timeout_seconds, 0);
        m_client->set_url_encode(false);
    }
    httplib::Request req;
    req.method = request.method;
    req.path = request.path;
    for (const auto& [k, v] : request.headers)
        req.headers.emplace(k, v);
    req.body = request.body;
    if (!request.body.empty() && !req.has_header("Content-Type"))
        req.headers.emplace("Content-Type", "application/octet-stream");
    httplib::Response res;
    httplib::Error err = httplib::Error::Success;
    datasync::HttpResponse out;
    if (!m_client->send(req, res, err) || err != httplib::Error::Success)
    {
        out.error = httplib::to_string(err);
        m_client.reset();
        return out;
    }
    out.status = res.status;
    out.body = std::move(res.body);
    for (const auto& [k, v] : res.headers)
    {
        std::string name = k;
        for (char& c : name)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        out.headers[name] = v;
    }
    return out;
}
