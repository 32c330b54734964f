#pragma once

#include "domain/timer.h"

#include <QAbstractTableModel>
#include <QTimeZone>

namespace cp {

class IncidentStore;

// The Deputy's board: every timer of one incident, most urgent first — expired (longest overdue
// first), due soon, running (least time left first), stopwatches, paused, then acknowledged and
// cancelled. Phases are read against the store's clock as of the last refresh, so the model
// is stable between ticks. refreshRemaining() (each tick) changes only the remaining column,
// except for a row whose phase changed: that row is updated whole and moved to its new place.
// A timer change from the store updates (or inserts) just that row.
class TimerModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimerModel)

public:
    enum Column
    {
        LabelColumn,
        KindColumn,
        OwnerColumn,
        RemainingColumn,
        StateColumn,
        DeadlineColumn,
        ColumnCount
    };
    enum Role
    {
        TimerIdRole = Qt::UserRole + 1,
        KindRole,         // TimerKind as int
        StateRole,        // TimerPhase as int (running, due soon, expired, paused, acknowledged, cancelled)
        PhaseKeyRole,     // "due-soon", "expired" …: stable text for delegates and tests
        RemainingMsRole,  // qint64, signed: negative once overdue; frozen while paused; stopwatch: elapsed
        OverdueRole,      // qint64 ms overdue; 0 unless expired
        DeadlineRole,     // QDateTime UTC; null for stopwatches and paused timers
        ElapsedMsRole,    // qint64: stopwatch counted time
        OwnerRoleKeyRole, // QString
        EntryIdRole,      // qint64 linked timeline entry; 0: none
    };

    explicit TimerModel(IncidentStore &store, QObject *parent = nullptr);

    void setIncident(qint64 incidentId);
    qint64 incidentId() const { return m_incidentId; }
    void setTimeZone(const QTimeZone &zone) { m_zone = zone; }
    // Reads the clock again; call on every tick.
    void refreshRemaining();

    // "Overdue: check DB +1:00 · Next: status update in 4:12": what the status bar shows of the
    // incident's timers ("No timers running" when none is counting down; empty without an incident).
    QString nextDueText() const { return m_nextDue; }
    bool hasOverdue() const { return m_hasOverdue; }

    Timer timerAt(int row) const { return m_rows.at(row).timer; }
    int rowOf(qint64 timerId) const; // -1: not shown

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void nextDueChanged(); // nextDueText() or hasOverdue() changed

private:
    struct Row
    {
        Timer timer;
        TimerPhase phase = TimerPhase::Running;
    };

    void updateTimer(qint64 timerId);
    // A resolved incident's timers are over: one still live in the file (left by an older
    // version) reads as cancelled, never as overdue.
    TimerPhase phaseOf(const Timer &timer) const;
    bool moreUrgent(const Row &a, const Row &b) const;
    void reorder(); // moves rows (beginMoveRows) until they are in urgency order
    QString remainingText(const Row &row) const;
    void updateNextDue();

    IncidentStore &m_store;
    qint64 m_incidentId = 0;
    QList<Row> m_rows;
    QDateTime m_now;
    bool m_closed = false; // the incident is resolved
    QTimeZone m_zone = QTimeZone::systemTimeZone();
    QString m_nextDue;
    bool m_hasOverdue = false;
};

} // namespace cp
