#pragma once

#include "storecommands.h"

namespace cp {

// Undoable business-mode edits (issue #9). Undo is a store command too: a tick withdrawn, a
// notice taken back, a skip taken back — each on the timeline.

// Halts (emergency) or restarts (returning to normal) one checklist activity.
class TickActivityCommand final : public StoreCommand
{
public:
    TickActivityCommand(IncidentStore &store, SaveStatus *status, qint64 activityId, bool restart,
                        const QString &activity, const QString &author);

protected:
    StoreError apply(bool forward) override;

private:
    qint64 m_activityId;
    bool m_restart;
};

// Records a department as told; undo takes the record back, redo tells again.
class NotifyDepartmentCommand final : public StoreCommand
{
public:
    NotifyDepartmentCommand(IncidentStore &store, SaveStatus *status, qint64 incidentId, QString departmentKey,
                            QString method, const QString &author);
    qint64 noticeId() const { return m_noticeId; }

protected:
    StoreError apply(bool forward) override;

private:
    qint64 m_incidentId;
    QString m_departmentKey;
    QString m_method;
    qint64 m_noticeId = 0;
};

// Skips one cell of the audience x phase grid; undo takes the skip back.
class SkipCellCommand final : public StoreCommand
{
public:
    SkipCellCommand(IncidentStore &store, SaveStatus *status, qint64 incidentId, QString audience, QString phase,
                    QString reason, const QString &author);

protected:
    StoreError apply(bool forward) override;

private:
    qint64 m_incidentId;
    QString m_audience;
    QString m_phase;
    QString m_reason;
};

} // namespace cp
