#include "emergencyopsmodel.h"

#include "db/incidentstore.h"

#include <algorithm>

namespace cp {

namespace {

QString ownerTitle(const QString &roleKey)
{
    if (roleKey == QLatin1String("marketing-officer"))
        return EmergencyOpsModel::tr("Marketing Officer");
    if (roleKey == QLatin1String("social-officer"))
        return EmergencyOpsModel::tr("Social Officer");
    if (roleKey == QLatin1String("media-officer"))
        return EmergencyOpsModel::tr("Media Officer");
    return roleKey;
}

} // namespace

EmergencyOpsModel::EmergencyOpsModel(IncidentStore &store, QObject *parent)
    : QAbstractTableModel(parent), m_store(store)
{
    connect(&m_store.business(), &BusinessRepository::activityChanged, this,
            [this](qint64 incidentId, qint64 activityId) {
                if (incidentId == m_incidentId)
                    updateActivity(activityId);
            });
    connect(&m_store.business(), &BusinessRepository::businessChanged, this, [this](qint64 incidentId) {
        if (incidentId == m_incidentId)
            updateState();
    });
}

void EmergencyOpsModel::setIncident(qint64 incidentId)
{
    m_incidentId = incidentId;
    reload();
}

void EmergencyOpsModel::reload()
{
    beginResetModel();
    m_rows.clear();
    m_state.reset();
    if (m_incidentId > 0 && m_store.session().isOpen()) {
        if (auto mode = m_store.business().mode(m_incidentId); mode && mode->has_value())
            m_state = (*mode)->state;
        if (auto list = m_store.business().activities(m_incidentId))
            m_rows = *list;
        if (reversed())
            std::reverse(m_rows.begin(), m_rows.end());
    }
    endResetModel();
}

// The order flips when the business starts returning to normal: a rare, whole-list change.
void EmergencyOpsModel::updateState()
{
    std::optional<BusinessState> state;
    if (auto mode = m_store.business().mode(m_incidentId); mode && mode->has_value())
        state = (*mode)->state;
    const bool wasReversed = reversed();
    const bool hadState = m_state.has_value();
    m_state = state;
    if (wasReversed != reversed() || hadState != m_state.has_value()) {
        reload();
        return;
    }
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {NextRole, Qt::FontRole});
}

int EmergencyOpsModel::rowOf(qint64 activityId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == activityId)
            return row;
    }
    return -1;
}

int EmergencyOpsModel::nextRow() const
{
    if (!m_state || *m_state == BusinessState::Normal)
        return -1;
    // Emergency: the first still running. Restoring: the first (in reverse order) still halted.
    for (int row = 0; row < m_rows.size(); ++row) {
        const BusinessActivity &a = m_rows.at(row);
        if (*m_state == BusinessState::Emergency ? !a.haltedAt.isValid() : a.isHalted())
            return row;
    }
    return -1;
}

void EmergencyOpsModel::updateActivity(qint64 activityId)
{
    auto loaded = m_store.business().activity(activityId);
    if (!loaded)
        return;
    const int oldNext = nextRow();
    const int row = rowOf(activityId);
    if (row < 0) {
        if (!m_state)
            m_state = BusinessState::Emergency; // the declaration's activities come before its mode signal
        const int at = reversed() ? 0 : int(m_rows.size());
        beginInsertRows({}, at, at);
        m_rows.insert(at, *loaded);
        endInsertRows();
    } else {
        m_rows[row] = *loaded;
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
    const int newNext = nextRow();
    for (int r : {oldNext, newNext}) {
        if (r >= 0 && r < m_rows.size() && r != row)
            emit dataChanged(index(r, 0), index(r, ColumnCount - 1), {NextRole, Qt::FontRole});
    }
}

int EmergencyOpsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int EmergencyOpsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString EmergencyOpsModel::tickText(const QDateTime &at, const QString &by) const
{
    if (!at.isValid())
        return {};
    return tr("%1 · %2").arg(at.toTimeZone(m_zone).toString(QStringLiteral("HH:mm")), by);
}

QVariant EmergencyOpsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const BusinessActivity &a = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case ActivityColumn:
            return a.activity;
        case OwnerColumn:
            return ownerTitle(a.ownerRoleKey);
        case HaltedColumn:
            return a.haltedAt.isValid() ? tickText(a.haltedAt, a.haltedBy) : tr("running");
        case RestartedColumn:
            return tickText(a.restartedAt, a.restartedBy);
        }
        break;
    case Qt::CheckStateRole:
        if (index.column() == HaltedColumn)
            return a.haltedAt.isValid() ? Qt::Checked : Qt::Unchecked;
        if (index.column() == RestartedColumn)
            return a.restartedAt.isValid() ? Qt::Checked : Qt::Unchecked;
        break;
    case Qt::ToolTipRole:
        if (index.column() == HaltedColumn && a.haltedAt.isValid())
            return tr("Halted %1 by %2").arg(a.haltedAt.toTimeZone(m_zone).toString(Qt::ISODate), a.haltedBy);
        if (index.column() == RestartedColumn && a.restartedAt.isValid())
            return tr("Restarted %1 by %2").arg(a.restartedAt.toTimeZone(m_zone).toString(Qt::ISODate), a.restartedBy);
        return a.userAdded ? tr("Added by %1").arg(a.addedBy) : QVariant();
    case ActivityIdRole:
        return a.id;
    case StatusKeyRole:
        return a.restartedAt.isValid() ? QStringLiteral("restarted")
               : a.haltedAt.isValid()  ? QStringLiteral("halted")
                                       : QStringLiteral("running");
    case OwnerRoleKeyRole:
        return a.ownerRoleKey;
    case NextRole:
        return index.row() == nextRow();
    case UserAddedRole:
        return a.userAdded;
    case TickTimeRole:
        if (index.column() == HaltedColumn)
            return a.haltedAt;
        if (index.column() == RestartedColumn)
            return a.restartedAt;
        return QDateTime();
    default:
        break;
    }
    return {};
}

QVariant EmergencyOpsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ActivityColumn:
        return tr("Outbound activity");
    case OwnerColumn:
        return tr("Owner");
    case HaltedColumn:
        return tr("Halted");
    case RestartedColumn:
        return tr("Restarted");
    }
    return {};
}

} // namespace cp
