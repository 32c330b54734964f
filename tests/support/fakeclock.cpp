#include "fakeclock.h"

namespace cp::test {

FakeClock::FakeClock(const QDateTime &startUtc) : m_now(startUtc.toUTC()) {}

void FakeClock::advance(qint64 ms)
{
    m_now = m_now.addMSecs(ms);
    m_monotonicMs += ms;
}

} // namespace cp::test
