#pragma once

#include "domain/business.h"

#include <QAbstractTableModel>
#include <QTimeZone>

namespace cp {

class IncidentStore;

// The emergency-operations checklist of one incident: each outbound activity with its owner
// role, when it was halted and when restarted. In emergency operations the rows follow the
// checklist; once the business returns to normal they follow it in reverse (last halted, first
// restarted) and NextRole marks the next one to tick. An activity change from the store updates
// (or appends) just that row.
class EmergencyOpsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EmergencyOpsModel)

public:
    enum Column
    {
        ActivityColumn,
        OwnerColumn,
        HaltedColumn,
        RestartedColumn,
        ColumnCount
    };
    enum Role
    {
        ActivityIdRole = Qt::UserRole + 1,
        StatusKeyRole,    // "running", "halted", "restarted"
        OwnerRoleKeyRole, // QString
        NextRole,         // bool: the next activity to tick in the current state
        UserAddedRole,    // bool
        TickTimeRole,     // QDateTime UTC of the column's tick (halted / restarted columns)
    };

    explicit EmergencyOpsModel(IncidentStore &store, QObject *parent = nullptr);

    void setIncident(qint64 incidentId);
    qint64 incidentId() const { return m_incidentId; }
    void setTimeZone(const QTimeZone &zone) { m_zone = zone; }
    // Emergency, restoring or normal; nullopt when the incident is not a business incident.
    std::optional<BusinessState> state() const { return m_state; }
    BusinessActivity activityAt(int row) const { return m_rows.at(row); }
    int rowOf(qint64 activityId) const;
    int nextRow() const; // -1: nothing left to tick

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void reload();
    void updateActivity(qint64 activityId);
    void updateState();
    bool reversed() const { return m_state && *m_state != BusinessState::Emergency; }
    QString tickText(const QDateTime &at, const QString &by) const;

    IncidentStore &m_store;
    qint64 m_incidentId = 0;
    std::optional<BusinessState> m_state;
    QList<BusinessActivity> m_rows;
    QTimeZone m_zone = QTimeZone::systemTimeZone();
};

} // namespace cp
