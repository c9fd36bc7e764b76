// The fault-injecting TCP proxy; see fault_proxy.h.
#include "fault_proxy.h"

#include <arpa/inet.h>
#include <chrono>
#include <mutex>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <random>
#include <sys/socket.h>
#include <unistd.h>

namespace
{
enum class Fault
{
    None,
    DropRequest,  // close before anything reaches the server
    DropResponse, // the server got the request and answered; the client never hears it
    CutResponse,  // half of the first response chunk, then close
};

bool SendAll(int fd, const char* data, size_t size)
{
    while (size > 0)
    {
        const ssize_t n = send(fd, data, size, MSG_NOSIGNAL);
        if (n <= 0)
            return false;
        data += n;
        size -= static_cast<size_t>(n);
    }
    return true;
}

void Pump(testing::FaultProxy& proxy, int client, Fault fault, uint32_t seed)
{
    std::mt19937 rng(seed);
    const int server = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(proxy.upstream_port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(server, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0)
    {
        close(server);
        close(client);
        return;
    }
    // No Nagle on either side: small header and body writes would otherwise wait for delayed ACKs (~40 ms).
    const int one = 1;
    setsockopt(client, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    setsockopt(server, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    char buf[65536];
    bool request_seen = false;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (!proxy.stopping && std::chrono::steady_clock::now() < deadline)
    {
        pollfd fds[2] = {{client, POLLIN, 0}, {server, POLLIN, 0}};
        if (poll(fds, 2, 100) <= 0)
            continue;
        if (fds[0].revents & (POLLIN | POLLHUP | POLLERR))
        {
            const ssize_t n = recv(client, buf, sizeof buf, 0);
            if (n <= 0)
                break;
            if (!request_seen && proxy.force_fault >= 0 &&
                std::string(buf, static_cast<size_t>(n)).rfind(proxy.force_method, 0) == 0)
                fault = static_cast<Fault>(proxy.force_fault.load());
            if (fault == Fault::DropRequest)
                break;
            if (proxy.max_delay_ms > 0)
                std::this_thread::sleep_for(std::chrono::milliseconds(rng() % (proxy.max_delay_ms + 1)));
            proxy.bytes_up += static_cast<uint64_t>(n);
            request_seen = true;
            if (!SendAll(server, buf, static_cast<size_t>(n)))
                break;
        }
        if (fds[1].revents & (POLLIN | POLLHUP | POLLERR))
        {
            const ssize_t n = recv(server, buf, sizeof buf, 0);
            if (n <= 0)
                break;
            if (fault == Fault::DropResponse && request_seen)
                break;
            if (fault == Fault::CutResponse && request_seen)
            {
                SendAll(client, buf, static_cast<size_t>(n) / 2);
                break;
            }
            if (proxy.max_delay_ms > 0)
                std::this_thread::sleep_for(std::chrono::milliseconds(rng() % (proxy.max_delay_ms + 1)));
            proxy.bytes_down += static_cast<uint64_t>(n);
            if (!SendAll(client, buf, static_cast<size_t>(n)))
                break;
        }
    }
    close(server);
    close(client);
}
} // namespace

std::unique_ptr<testing::FaultProxy> testing::StartProxy(int upstream_port, uint32_t seed)
{
    auto proxy = std::make_unique<FaultProxy>();
    proxy->upstream_port = upstream_port;
    proxy->seed = seed;
    proxy->listen_fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = 0;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    if (bind(proxy->listen_fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
        listen(proxy->listen_fd, 64) != 0 ||
        getsockname(proxy->listen_fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0)
    {
        close(proxy->listen_fd);
        proxy->listen_fd = -1;
        return nullptr;
    }
    proxy->port = ntohs(addr.sin_port);
    FaultProxy* p = proxy.get();
    p->acceptor = std::thread([p] {
        std::mt19937 rng(p->seed);
        while (!p->stopping)
        {
            pollfd fd{p->listen_fd, POLLIN, 0};
            if (poll(&fd, 1, 100) <= 0)
                continue;
            const int client = accept(p->listen_fd, nullptr, nullptr);
            if (client < 0)
                continue;
            ++p->connections;
            Fault fault = Fault::None;
            if (p->force_fault < 0 && static_cast<int>(rng() % 100) < p->fault_percent)
            {
                fault = static_cast<Fault>(1 + rng() % 3);
                ++p->faults;
            }
            p->workers.emplace_back(Pump, std::ref(*p), client, fault, static_cast<uint32_t>(rng()));
        }
    });
    return proxy;
}

testing::FaultProxy::~FaultProxy()
{
    StopProxy(*this);
}

void testing::StopProxy(FaultProxy& proxy)
{
    if (proxy.listen_fd < 0)
        return;
    proxy.stopping = true;
    if (proxy.acceptor.joinable())
        proxy.acceptor.join();
    for (std::thread& t : proxy.workers)
        t.join();
    proxy.workers.clear();
    close(proxy.listen_fd);
    proxy.listen_fd = -1;
}
