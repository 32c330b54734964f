#include "incidentclocklabel.h"

#include "domain/clock.h"

namespace cp {

IncidentClockLabel::IncidentClockLabel(const Clock &clock, QWidget *parent) : QLabel(parent), m_clock(clock)
{
    m_timer.setInterval(1000);
    m_timer.setTimerType(Qt::CoarseTimer);
    m_timer.callOnTimeout(this, &IncidentClockLabel::refresh);
    m_timer.start();
    QFont f = font();
    f.setBold(true);
    f.setStyleHint(QFont::Monospace);
    f.setFamily(QStringLiteral("monospace"));
    setFont(f);
}

void IncidentClockLabel::setTimes(const QDateTime &declaredUtc, const QDateTime &resolvedUtc)
{
    m_declaredUtc = declaredUtc;
    m_resolvedUtc = resolvedUtc;
    refresh();
}

void IncidentClockLabel::clear()
{
    m_declaredUtc = {};
    m_resolvedUtc = {};
    refresh();
}

void IncidentClockLabel::refresh()
{
    const QDateTime now = m_clock.nowUtc();
    emit ticked(now);
    if (!m_declaredUtc.isValid()) {
        setText(QString());
        setToolTip(QString());
        return;
    }
    const QDateTime end = m_resolvedUtc.isValid() ? m_resolvedUtc : now;
    const QString elapsed = format(end.toMSecsSinceEpoch() - m_declaredUtc.toMSecsSinceEpoch());
    const QString declared = m_declaredUtc.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss t"));
    if (m_resolvedUtc.isValid()) {
        setText(tr("%1 (resolved)").arg(elapsed));
        setToolTip(tr("Declared %1, resolved %2")
                       .arg(declared, m_resolvedUtc.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss t"))));
    } else {
        setText(elapsed);
        setToolTip(tr("Time since the incident was declared (%1)").arg(declared));
    }
}

QString IncidentClockLabel::timeOfDay(QTime time)
{
    const int parts[] = {time.hour(), time.minute(), time.second()};
    QString text(8, QLatin1Char(':'));
    QChar *out = text.data();
    for (const int part : parts) {
        *out++ = QLatin1Char(char('0' + part / 10));
        *out++ = QLatin1Char(char('0' + part % 10));
        ++out; // past the colon
    }
    return text;
}

QString IncidentClockLabel::format(qint64 elapsedMs)
{
    const bool before = elapsedMs < 0;
    qint64 seconds = (before ? -elapsedMs : elapsedMs) / 1000;
    const qint64 days = seconds / 86400;
    seconds %= 86400;
    const QString hms = QStringLiteral("%1:%2:%3")
                            .arg(seconds / 3600, 2, 10, QLatin1Char('0'))
                            .arg((seconds / 60) % 60, 2, 10, QLatin1Char('0'))
                            .arg(seconds % 60, 2, 10, QLatin1Char('0'));
    const QString sign = before ? QStringLiteral("T-") : QStringLiteral("T+");
    if (days > 0)
        return sign + QStringLiteral("%1d ").arg(days) + hms;
    return sign + hms;
}

} // namespace cp
