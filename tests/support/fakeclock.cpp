#include "fakeclock.h"

namespace cp::test {

FakeClock::FakeClock(const QDateTime &startUtc) : m_nowMs(startUtc.toMSecsSinceEpoch()) {}

void FakeClock::advance(qint64 ms)
{
    m_nowMs.fetch_add(ms);
    m_monotonicMs.fetch_add(ms);
}

} // namespace cp::test
