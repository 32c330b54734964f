#include "missedmodel.h"

#include "db/incidentstore.h"

#include <algorithm>
#include <tuple>

namespace cp {

MissedModel::MissedModel(IncidentStore &store, QObject *parent) : QAbstractTableModel(parent), m_store(store)
{
    connect(&m_store.rollCalls(), &RollCallRepository::rollCallItemChanged, this,
            [this](qint64 incidentId, qint64 itemId) {
                if (incidentId == m_incidentId)
                    updateItem(itemId);
            });
}

bool MissedModel::before(const RollCallItem &a, const RollCallItem &b)
{
    return std::make_tuple(a.askedAt.toMSecsSinceEpoch(), a.roundNumber, a.position, a.id) <
           std::make_tuple(b.askedAt.toMSecsSinceEpoch(), b.roundNumber, b.position, b.id);
}

bool MissedModel::samePerson(const RollCallItem &a, const RollCallItem &b)
{
    return a.roleKey == b.roleKey && a.personId == b.personId;
}

void MissedModel::setIncident(qint64 incidentId)
{
    beginResetModel();
    m_incidentId = incidentId;
    m_rows.clear();
    m_now = m_store.session().clock().nowUtc();
    if (incidentId > 0 && m_store.session().isOpen()) {
        if (auto all = m_store.rollCalls().items(incidentId)) {
            QList<RollCallItem> missed;
            for (const RollCallItem &item : *all) {
                if (item.isMissed())
                    missed << item;
            }
            std::stable_sort(missed.begin(), missed.end(), &MissedModel::before);
            for (const RollCallItem &item : std::as_const(missed)) {
                const int row = rowOfPerson(item);
                if (row >= 0)
                    m_rows[row] << item;
                else
                    m_rows << Misses{item};
            }
        }
    }
    endResetModel();
}

void MissedModel::updateItem(qint64 itemId)
{
    auto fresh = m_store.rollCalls().item(itemId);
    if (!fresh)
        return;
    m_now = m_store.session().clock().nowUtc();
    int row = rowOfPerson(*fresh);
    Misses misses = row >= 0 ? m_rows.at(row) : Misses();
    misses.removeIf([itemId](const RollCallItem &item) { return item.id == itemId; });
    if (fresh->isMissed()) {
        misses.insert(std::lower_bound(misses.cbegin(), misses.cend(), *fresh, &MissedModel::before) - misses.cbegin(),
                      *fresh);
    }
    if (row >= 0 && !misses.isEmpty() && misses.constFirst().id == m_rows.at(row).constFirst().id) {
        m_rows[row] = misses; // the same longest wait: the row stays where it is
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return;
    }
    if (row >= 0) {
        beginRemoveRows({}, row, row);
        m_rows.removeAt(row);
        endRemoveRows();
    }
    if (misses.isEmpty())
        return;
    const auto at = std::lower_bound(m_rows.cbegin(), m_rows.cend(), misses, &MissedModel::rowBefore);
    const int position = int(at - m_rows.cbegin());
    beginInsertRows({}, position, position);
    m_rows.insert(position, misses);
    endInsertRows();
}

void MissedModel::refreshAges()
{
    m_now = m_store.session().clock().nowUtc();
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, AskedColumn), index(int(m_rows.size()) - 1, AskedColumn));
}

int MissedModel::rowOf(qint64 itemId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        for (const RollCallItem &item : m_rows.at(row)) {
            if (item.id == itemId)
                return row;
        }
    }
    return -1;
}

int MissedModel::rowOfPerson(const RollCallItem &item) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (samePerson(m_rows.at(row).constFirst(), item))
            return row;
    }
    return -1;
}

int MissedModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int MissedModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MissedModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Misses &misses = m_rows.at(index.row());
    const RollCallItem &first = misses.constFirst();
    const RollCallItem &item = misses.constLast();
    const qint64 age = first.askedAt.isValid() ? first.askedAt.msecsTo(m_now) : 0;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case WhoColumn:
            return misses.size() == 1 ? item.label() : tr("%1 — missed %2 times").arg(item.label()).arg(misses.size());
        case RoundColumn: {
            if (misses.size() == 1)
                return tr("Round %1").arg(item.roundNumber);
            QStringList rounds;
            for (const RollCallItem &miss : misses)
                rounds << QString::number(miss.roundNumber);
            return tr("Rounds %1").arg(rounds.join(QStringLiteral(", ")));
        }
        case AskedColumn:
            return RollCallVocabulary::agoText(age);
        default:
            return {};
        }
    case ItemIdRole:
        return item.id;
    case AskedAtRole:
        return first.askedAt;
    case AgeMsRole:
        return age;
    case RoundNumberRole:
        return item.roundNumber;
    case RoleKeyRole:
        return item.roleKey;
    case PersonIdRole:
        return item.personId;
    case MissCountRole:
        return int(misses.size());
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
