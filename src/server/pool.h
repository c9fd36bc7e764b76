// The connection thread pool of `thidua serve`: cpp-httplib gives each accepted connection to a TaskQueue, and its
// own pool has a fixed few threads, so a few idle or slow connections made every other client wait (issue #11).
// This pool starts a thread for a connection whenever none is free, up to a cap, and lets idle threads end.
#pragma once

#include <httplib.h>

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>

namespace server
{
class ConnectionPool : public httplib::TaskQueue
{
  public:
    // `max_threads`: connections served at once; more wait in a queue (their TCP handshake is already done).
    explicit ConnectionPool(size_t max_threads) : m_max_threads(max_threads) {}
    ~ConnectionPool() override { shutdown(); }

    void enqueue(std::function<void()> fn) override;
    void shutdown() override; // runs the queued connections, then waits for every thread to end

  private:
    void Work();

    const size_t m_max_threads;
    std::mutex m_mu;
    std::condition_variable m_work;  // a connection was queued, or shutdown
    std::condition_variable m_ended; // a thread ended
    std::deque<std::function<void()>> m_jobs;
    size_t m_threads = 0; // running threads
    size_t m_idle = 0;    // threads waiting for a connection
    bool m_shutdown = false;
};
} // namespace server
