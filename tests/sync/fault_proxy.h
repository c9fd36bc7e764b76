// A small fault-injecting TCP proxy on loopback (our stand-in for toxiproxy): per connection it may delay data,
// drop the connection before the request reaches the server, or drop it after the server answered (the
// response is lost although the write happened), or cut the response in the middle. Also counts bytes.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace testing
{
struct FaultProxy
{
    int port = 0;          // where clients connect
    int upstream_port = 0; // the real server
    std::atomic<int> fault_percent{0}; // chance that a connection gets a fault
    std::atomic<int> max_delay_ms{0};  // random delay before forwarding each chunk
    std::atomic<int> force_fault{-1};  // 0 none, 1 drop request, 2 drop response, 3 cut response; -1 = random
    std::string force_method;          // when set, force_fault applies only to requests of this method ("PUT")
    std::atomic<uint64_t> bytes_up{0}, bytes_down{0}, connections{0}, faults{0};
    std::atomic<bool> stopping{false};
    int listen_fd = -1;
    uint32_t seed = 1;
    std::thread acceptor;
    std::vector<std::thread> workers;

    ~FaultProxy();
};

// Listens on 127.0.0.1 (free port); returns nullptr on failure.
std::unique_ptr<FaultProxy> StartProxy(int upstream_port, uint32_t seed);
void StopProxy(FaultProxy& proxy);
} // namespace testing
