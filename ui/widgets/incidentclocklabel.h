#pragma once

#include <QDateTime>
#include <QLabel>
#include <QTimer>

namespace cp {

class Clock;

// The incident clock: time since the incident was declared, "T+01:23:45". Repainted every
// second, but always computed from the clock's wall time minus the declared time, so it is
// right after a laptop sleeps and never drifts. Frozen at the resolution time once resolved.
class IncidentClockLabel final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IncidentClockLabel)

public:
    explicit IncidentClockLabel(const Clock &clock, QWidget *parent = nullptr);

    void setTimes(const QDateTime &declaredUtc, const QDateTime &resolvedUtc);
    void clear();
    void refresh();

    // "T+01:23:45"; "T+2d 03:04:05" past a day; "T-00:00:05" before the declared time.
    static QString format(qint64 elapsedMs);
    // "09:05:07": a time of day as QTime::toString("HH:mm:ss") writes it, without reading a format
    // (the save indicator shows one after every save).
    static QString timeOfDay(QTime time);

signals:
    // Every second, with the clock's time: other labels (the wall clock) repaint along.
    void ticked(const QDateTime &nowUtc);

private:
    const Clock &m_clock;
    QDateTime m_declaredUtc;
    QDateTime m_resolvedUtc;
    QTimer m_timer;
};

} // namespace cp
