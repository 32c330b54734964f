#pragma once

#include <QDateTime>
#include <QElapsedTimer>

namespace cp {

// Where every part of CommandPost gets the time from. Wall time (UTC) is what gets stored and
// what deadlines are measured against; monotonic time only measures short live durations,
// because it stops while a laptop sleeps.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime nowUtc() const = 0;
    virtual qint64 monotonicMs() const = 0;
};

class SystemClock final : public Clock
{
public:
    SystemClock();
    QDateTime nowUtc() const override;
    qint64 monotonicMs() const override;

    // One shared instance for code that has nothing injected (main() hands it down).
    static SystemClock &instance();

private:
    QElapsedTimer m_monotonic;
};

} // namespace cp
