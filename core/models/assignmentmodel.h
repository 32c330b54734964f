#pragma once

#include "domain/incidentrole.h"

#include <QAbstractTableModel>
#include <QTimeZone>

namespace cp {

class IncidentStore;

// Who held which role from when to when, in order: the incident's assignment history,
// including hand-overs and releases. Appended to (and ended stretches updated) as it changes.
class AssignmentModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AssignmentModel)

public:
    enum Column { RoleColumn, PersonColumn, FromColumn, UntilColumn, HowColumn, ColumnCount };
    enum Role { AssignmentIdRole = Qt::UserRole + 1, RoleKeyRole, PersonIdRole, StartedAtRole, EndedAtRole, CurrentRole };

    explicit AssignmentModel(IncidentStore &store, QObject *parent = nullptr);

    void setIncident(qint64 incidentId);
    void setTimeZone(const QTimeZone &zone) { m_zone = zone; }
    Assignment assignmentAt(int row) const { return m_rows.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void refresh(); // appends new stretches, updates ended ones

    IncidentStore &m_store;
    qint64 m_incidentId = 0;
    QList<Assignment> m_rows;
    QTimeZone m_zone = QTimeZone::systemTimeZone();
};

} // namespace cp
