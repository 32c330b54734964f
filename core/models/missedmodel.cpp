#include "missedmodel.h"

#include "db/incidentstore.h"

#include <algorithm>
#include <tuple>

namespace cp {

MissedModel::MissedModel(IncidentStore &store, QObject *parent) : QAbstractTableModel(parent), m_store(store)
{
    connect(&m_store, &IncidentStore::rollCallItemChanged, this, [this](qint64 incidentId, qint64 itemId) {
        if (incidentId == m_incidentId)
            updateItem(itemId);
    });
}

bool MissedModel::before(const RollCallItem &a, const RollCallItem &b)
{
    return std::make_tuple(a.askedAt.toMSecsSinceEpoch(), a.roundNumber, a.position, a.id) <
           std::make_tuple(b.askedAt.toMSecsSinceEpoch(), b.roundNumber, b.position, b.id);
}

void MissedModel::setIncident(qint64 incidentId)
{
    beginResetModel();
    m_incidentId = incidentId;
    m_items.clear();
    m_now = m_store.clock().nowUtc();
    if (incidentId > 0 && m_store.isOpen()) {
        if (auto all = m_store.rollCallItems(incidentId)) {
            for (const RollCallItem &item : *all) {
                if (item.isMissed())
                    m_items << item;
            }
            std::stable_sort(m_items.begin(), m_items.end(), &MissedModel::before);
        }
    }
    endResetModel();
}

void MissedModel::updateItem(qint64 itemId)
{
    auto fresh = m_store.rollCallItem(itemId);
    if (!fresh)
        return;
    m_now = m_store.clock().nowUtc();
    const int row = rowOf(itemId);
    if (row >= 0 && fresh->isMissed() && fresh->askedAt == m_items.at(row).askedAt) {
        m_items[row] = *fresh;
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return;
    }
    if (row >= 0) {
        beginRemoveRows({}, row, row);
        m_items.removeAt(row);
        endRemoveRows();
    }
    if (!fresh->isMissed())
        return;
    const auto at = std::lower_bound(m_items.cbegin(), m_items.cend(), *fresh, &MissedModel::before);
    const int position = int(at - m_items.cbegin());
    beginInsertRows({}, position, position);
    m_items.insert(position, *fresh);
    endInsertRows();
}

void MissedModel::refreshAges()
{
    m_now = m_store.clock().nowUtc();
    if (!m_items.isEmpty())
        emit dataChanged(index(0, AskedColumn), index(int(m_items.size()) - 1, AskedColumn));
}

int MissedModel::rowOf(qint64 itemId) const
{
    for (int row = 0; row < m_items.size(); ++row) {
        if (m_items.at(row).id == itemId)
            return row;
    }
    return -1;
}

int MissedModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int MissedModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MissedModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RollCallItem &item = m_items.at(index.row());
    const qint64 age = item.askedAt.isValid() ? item.askedAt.msecsTo(m_now) : 0;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case WhoColumn:
            return item.label();
        case RoundColumn:
            return tr("Round %1").arg(item.roundNumber);
        case AskedColumn:
            return RollCallVocabulary::agoText(age);
        default:
            return {};
        }
    case ItemIdRole:
        return item.id;
    case AskedAtRole:
        return item.askedAt;
    case AgeMsRole:
        return age;
    case RoundNumberRole:
        return item.roundNumber;
    case RoleKeyRole:
        return item.roleKey;
    case PersonIdRole:
        return item.personId;
    default:
        return {};
    }
}

QVariant MissedModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case WhoColumn:
        return tr("Not answered");
    case RoundColumn:
        return tr("Round");
    case AskedColumn:
        return tr("Asked");
    default:
        return {};
    }
}

} // namespace cp
