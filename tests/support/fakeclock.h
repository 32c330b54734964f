#pragma once

#include "domain/clock.h"

#include <atomic>

namespace cp::test {

// A clock the test moves by hand. Wall and monotonic time advance together unless a test
// jumps the wall clock on its own (NTP correction, a laptop waking up). Safe to read from other
// threads while the test moves it (a writer thread, the statement watchdog).
class FakeClock final : public Clock
{
public:
    explicit FakeClock(const QDateTime &startUtc = QDateTime(QDate(2026, 11, 22), QTime(14, 0), Qt::UTC));
    FakeClock(const FakeClock &other) : m_nowMs(other.m_nowMs.load()), m_monotonicMs(other.m_monotonicMs.load()) {}
    FakeClock &operator=(const FakeClock &other)
    {
        m_nowMs.store(other.m_nowMs.load());
        m_monotonicMs.store(other.m_monotonicMs.load());
        return *this;
    }

    QDateTime nowUtc() const override { return QDateTime::fromMSecsSinceEpoch(m_nowMs.load(), Qt::UTC); }
    qint64 monotonicMs() const override { return m_monotonicMs.load(); }

    void advance(qint64 ms);
    void advanceSecs(qint64 secs) { advance(secs * 1000); }
    void setNowUtc(const QDateTime &now) { m_nowMs.store(now.toMSecsSinceEpoch()); } // wall only
    void jumpWall(qint64 ms) { m_nowMs.fetch_add(ms); }

private:
    std::atomic<qint64> m_nowMs;
    std::atomic<qint64> m_monotonicMs{0};
};

} // namespace cp::test
