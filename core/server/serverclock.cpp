#include "serverclock.h"

#include "db/writetransaction.h"

#include <QSqlQuery>

namespace cp {

namespace {

// A sample whose round trip took longer says little about when the server read its clock.
constexpr qint64 UsableRoundTripMs = 1000;

QString roundedDuration(qint64 ms)
{
    const qint64 seconds = (ms + 500) / 1000;
    if (seconds < 120)
        return ServerClock::tr("%n s", nullptr, int(seconds));
    const qint64 minutes = (seconds + 30) / 60;
    if (minutes < 120)
        return ServerClock::tr("%n min", nullptr, int(minutes));
    return ServerClock::tr("%n h", nullptr, int((minutes + 30) / 60));
}

} // namespace

Result<qint64> ServerClock::measure(const QSqlDatabase &db, const Clock &local)
{
    const qint64 sentMono = local.monotonicMs();
    const QDateTime sentWall = local.nowUtc();
    // clock_timestamp() is the server's time now, not the start of a transaction (now()).
    auto read = runStatement(db, QStringLiteral("SELECT CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)"),
                             {}, tr("Reading the server's clock"));
    if (!read)
        return read.error();
    const qint64 roundTripMs = local.monotonicMs() - sentMono;
    if (!read->next())
        return StoreError(StoreError::Code::Internal, tr("The server did not say its time."));
    if (roundTripMs > UsableRoundTripMs)
        return StoreError(StoreError::Code::Busy,
                          tr("The server took %1 ms to say its time; its clock was not compared.").arg(roundTripMs));
    const qint64 serverMs = read->value(0).toLongLong();
    return serverMs - (sentWall.toMSecsSinceEpoch() + roundTripMs / 2);
}

QString ServerClock::offsetText(qint64 offsetMs)
{
    if (qAbs(offsetMs) <= NoticeableOffsetMs)
        return {};
    return offsetMs > 0 ? tr("Your clock is %1 behind the server").arg(roundedDuration(offsetMs))
                        : tr("Your clock is %1 ahead of the server").arg(roundedDuration(-offsetMs));
}

} // namespace cp
