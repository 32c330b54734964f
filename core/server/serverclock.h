#pragma once

#include "db/storeerror.h"
#include "domain/clock.h"

class QSqlDatabase;

namespace cp {

// The time in team mode: this machine's clock corrected by its measured offset to the server's
// clock, so every laptop of a team stamps what it captures (entries, deadlines, answers) on the
// server's time line, whatever the laptop's own clock says. The monotonic clock stays the machine's.
class ServerClock final : public Clock
{
    Q_DECLARE_TR_FUNCTIONS(cp::ServerClock)

public:
    // An offset under this is not worth a word to the user.
    static constexpr qint64 NoticeableOffsetMs = 2000;

    explicit ServerClock(const Clock &local) : m_local(local) {}

    QDateTime nowUtc() const override { return m_local.nowUtc().addMSecs(m_offsetMs); }
    qint64 monotonicMs() const override { return m_local.monotonicMs(); }

    // The server's time minus this machine's, in milliseconds (positive: this machine is behind).
    qint64 offsetMs() const { return m_offsetMs; }
    void setOffsetMs(qint64 offsetMs) { m_offsetMs = offsetMs; }

    // Asks the server for its time and compares it with 'local' at the middle of the round trip;
    // the offset (server minus local), or why it could not be measured.
    static Result<qint64> measure(const QSqlDatabase &db, const Clock &local);
    // "Your clock is 5 s behind the server" (or ahead of it); empty when the offset is not noticeable.
    static QString offsetText(qint64 offsetMs);

private:
    const Clock &m_local;
    qint64 m_offsetMs = 0;
};

} // namespace cp
