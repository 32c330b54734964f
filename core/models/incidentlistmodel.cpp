#include "incidentlistmodel.h"

#include "db/incidentstore.h"

namespace cp {

namespace {

// The store's order: open before resolved, then newest declared first, then highest id.
bool listedBefore(const Incident &a, const Incident &b)
{
    if (a.isResolved() != b.isResolved())
        return !a.isResolved();
    if (a.declaredAt != b.declaredAt)
        return a.declaredAt > b.declaredAt;
    return a.id > b.id;
}

} // namespace

IncidentListModel::IncidentListModel(IncidentStore &store, QObject *parent)
    : QAbstractTableModel(parent), m_store(store)
{
    connect(&m_store.incidents(), &IncidentRepository::incidentAdded, this, &IncidentListModel::onIncidentAdded);
    connect(&m_store.incidents(), &IncidentRepository::incidentChanged, this, &IncidentListModel::onIncidentChanged);
    reload();
}

void IncidentListModel::reload()
{
    beginResetModel();
    m_rows.clear();
    if (m_store.session().isOpen()) {
        if (auto all = m_store.incidents().list())
            m_rows = *all;
    }
    endResetModel();
}

int IncidentListModel::rowOfIncident(qint64 incidentId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == incidentId)
            return row;
    }
    return -1;
}

int IncidentListModel::placeFor(const Incident &incident) const
{
    return int(std::lower_bound(m_rows.cbegin(), m_rows.cend(), incident, listedBefore) - m_rows.cbegin());
}

void IncidentListModel::onIncidentAdded(qint64 incidentId)
{
    if (rowOfIncident(incidentId) >= 0)
        return;
    auto incident = m_store.incidents().incident(incidentId);
    if (!incident)
        return;
    const int row = placeFor(*incident);
    beginInsertRows({}, row, row);
    m_rows.insert(row, *incident);
    endInsertRows();
}

void IncidentListModel::onIncidentChanged(qint64 incidentId)
{
    const int row = rowOfIncident(incidentId);
    auto incident = m_store.incidents().incident(incidentId);
    if (row < 0 || !incident) {
        if (incident)
            onIncidentAdded(incidentId);
        return;
    }
    m_rows[row] = *incident;
    const bool inOrder = (row == 0 || !listedBefore(*incident, m_rows.at(row - 1))) &&
                         (row + 1 == m_rows.size() || !listedBefore(m_rows.at(row + 1), *incident));
    if (inOrder) {
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return;
    }
    // Resolved or reopened: it moves between the open and the resolved groups.
    beginRemoveRows({}, row, row);
    const Incident moved = m_rows.takeAt(row);
    endRemoveRows();
    const int to = placeFor(moved);
    beginInsertRows({}, to, to);
    m_rows.insert(to, moved);
    endInsertRows();
}

int IncidentListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int IncidentListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant IncidentListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Incident &i = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case IdColumn:
            return QStringLiteral("#%1").arg(i.id);
        case SeverityColumn:
            return IncidentVocabulary::severityKey(i.severity);
        case StatusColumn:
            return IncidentVocabulary::statusLabel(i.status);
        case TitleColumn:
            return i.title;
        case DeclaredColumn:
            return i.declaredAt.toTimeZone(m_zone).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
        }
        return {};
    case Qt::ToolTipRole:
        return i.summary.isEmpty() ? i.title : i.title + QLatin1Char('\n') + i.summary;
    case IncidentIdRole:
        return i.id;
    case SeverityRole:
        return static_cast<int>(i.severity);
    case StatusRole:
        return static_cast<int>(i.status);
    case KindRole:
        return static_cast<int>(i.kind);
    case DeclaredAtRole:
        return i.declaredAt;
    case ResolvedRole:
        return i.isResolved();
    case SearchTextRole:
        return QStringLiteral("#%1 %2 %3 %4 %5")
            .arg(i.id)
            .arg(IncidentVocabulary::severityKey(i.severity), IncidentVocabulary::statusKey(i.status),
                 IncidentVocabulary::kindKey(i.kind), i.title);
    }
    return {};
}

QVariant IncidentListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case IdColumn:
        return tr("No.");
    case SeverityColumn:
        return tr("Severity");
    case StatusColumn:
        return tr("Status");
    case TitleColumn:
        return tr("Title");
    case DeclaredColumn:
        return tr("Declared");
    }
    return {};
}

} // namespace cp
