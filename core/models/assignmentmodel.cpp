#include "assignmentmodel.h"

#include "db/incidentstore.h"

namespace cp {

AssignmentModel::AssignmentModel(IncidentStore &store, QObject *parent) : QAbstractTableModel(parent), m_store(store)
{
    connect(&m_store.roles(), &RoleRepository::roleChanged, this, [this](qint64 incidentId) {
        if (incidentId == m_incidentId)
            refresh();
    });
}

void AssignmentModel::setIncident(qint64 incidentId)
{
    beginResetModel();
    m_incidentId = incidentId;
    m_rows.clear();
    endResetModel();
    refresh();
}

void AssignmentModel::refresh()
{
    if (m_incidentId <= 0 || !m_store.session().isOpen())
        return;
    auto history = m_store.roles().assignmentHistory(m_incidentId);
    if (!history)
        return;
    // History only grows, in start order; existing stretches may have ended meanwhile.
    QHash<qint64, int> known;
    for (int row = 0; row < m_rows.size(); ++row)
        known.insert(m_rows.at(row).id, row);
    QList<Assignment> added;
    for (const Assignment &a : *history) {
        const auto it = known.constFind(a.id);
        if (it == known.constEnd()) {
            added << a;
            continue;
        }
        Assignment &mine = m_rows[*it];
        if (mine.endedAt != a.endedAt || mine.personName != a.personName) {
            mine = a;
            emit dataChanged(index(*it, 0), index(*it, ColumnCount - 1));
        }
    }
    if (added.isEmpty())
        return;
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(added.size()) - 1);
    m_rows.append(added);
    endInsertRows();
}

int AssignmentModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AssignmentModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AssignmentModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Assignment &a = m_rows.at(index.row());
    const QString format = QStringLiteral("HH:mm:ss");
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case RoleColumn:
            return a.roleTitle;
        case PersonColumn:
            return a.personName;
        case FromColumn:
            return a.startedAt.toTimeZone(m_zone).toString(format);
        case UntilColumn:
            return a.endedAt.isValid() ? a.endedAt.toTimeZone(m_zone).toString(format) : tr("now");
        case HowColumn:
            if (!a.endedAt.isValid())
                return tr("holding");
            return a.endReason == QLatin1String("handed-over") ? tr("handed over") : tr("released");
        }
        return {};
    case AssignmentIdRole:
        return a.id;
    case RoleKeyRole:
        return a.roleKey;
    case PersonIdRole:
        return a.personId;
    case StartedAtRole:
        return a.startedAt;
    case EndedAtRole:
        return a.endedAt;
    case CurrentRole:
        return !a.endedAt.isValid();
    }
    return {};
}

QVariant AssignmentModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case RoleColumn:
        return tr("Role");
    case PersonColumn:
        return tr("Person");
    case FromColumn:
        return tr("From");
    case UntilColumn:
        return tr("Until");
    case HowColumn:
        return tr("Ended");
    }
    return {};
}

} // namespace cp
