// The connection thread pool; see pool.h.
#include "server/pool.h"

#include <chrono>
#include <thread>

void server::ConnectionPool::enqueue(std::function<void()> fn)
{
    std::lock_guard<std::mutex> lock(m_mu);
    m_jobs.push_back(std::move(fn));
    if (m_idle < m_jobs.size() && m_threads < m_max_threads && !m_shutdown)
    {
        ++m_threads;
        ++m_idle; // counted as waiting until it takes a job
        std::thread([this] { Work(); }).detach();
    }
    m_work.notify_one();
}

void server::ConnectionPool::Work()
{
    std::unique_lock<std::mutex> lock(m_mu);
    for (;;)
    {
        // An idle thread lingers a while (connections come in bursts), then ends.
        m_work.wait_for(lock, std::chrono::seconds(30), [this] { return !m_jobs.empty() || m_shutdown; });
        if (m_jobs.empty())
            break;
        std::function<void()> job = std::move(m_jobs.front());
        m_jobs.pop_front();
        --m_idle;
        lock.unlock();
        job();
        job = nullptr; // the connection's state goes before the thread counts as idle
        lock.lock();
        ++m_idle;
    }
    --m_idle;
    --m_threads;
    m_ended.notify_all();
}

void server::ConnectionPool::shutdown()
{
    std::unique_lock<std::mutex> lock(m_mu);
    m_shutdown = true;
    m_work.notify_all();
    m_ended.wait(lock, [this] { return m_threads == 0; });
}
