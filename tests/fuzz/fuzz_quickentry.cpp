// libFuzzer target: the Scribe's quick-entry line and the new-timer line.
#include "domain/quickentryparser.h"
#include "timers/timerlineparser.h"

#include <QTimeZone>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString line = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    static const QDateTime now(QDate(2026, 11, 22), QTime(14, 0), Qt::UTC);
    cp::QuickEntryParser::parse(line, cp::EntryKind::Note, now, QTimeZone::utc());
    cp::TimerLineParser::parse(line);
    cp::TimerLineParser::parseDuration(line);
    return 0;
}
