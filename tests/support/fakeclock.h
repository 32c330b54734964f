#pragma once

#include "domain/clock.h"

namespace cp::test {

// A clock the test moves by hand. Wall and monotonic time advance together unless a test
// jumps the wall clock on its own (NTP correction, a laptop waking up).
class FakeClock final : public Clock
{
public:
    explicit FakeClock(const QDateTime &startUtc = QDateTime(QDate(2026, 11, 22), QTime(14, 0), Qt::UTC));

    QDateTime nowUtc() const override { return m_now; }
    qint64 monotonicMs() const override { return m_monotonicMs; }

    void advance(qint64 ms);
    void advanceSecs(qint64 secs) { advance(secs * 1000); }
    void setNowUtc(const QDateTime &now) { m_now = now.toUTC(); } // wall only
    void jumpWall(qint64 ms) { m_now = m_now.addMSecs(ms); }

private:
    QDateTime m_now;
    qint64 m_monotonicMs = 0;
};

} // namespace cp::test
