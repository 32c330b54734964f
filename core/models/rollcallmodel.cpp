#include "rollcallmodel.h"

#include "db/incidentstore.h"

namespace cp {

RollCallModel::RollCallModel(IncidentStore &store, QObject *parent) : QAbstractTableModel(parent), m_store(store)
{
    connect(&m_store.rollCalls(), &RollCallRepository::rollCallChanged, this,
            [this](qint64 incidentId, qint64 rollCallId) {
                if (incidentId == m_incidentId)
                    updateRound(rollCallId);
            });
    connect(&m_store.rollCalls(), &RollCallRepository::rollCallItemChanged, this,
            [this](qint64 incidentId, qint64 itemId) {
                if (incidentId == m_incidentId)
                    updateItem(itemId);
            });
}

QString RollCallModel::reportKey(const QString &roleKey, qint64 personId)
{
    return roleKey + QLatin1Char('/') + QString::number(personId);
}

void RollCallModel::setIncident(qint64 incidentId)
{
    beginResetModel();
    m_incidentId = incidentId;
    m_followLatest = true;
    m_lastReport.clear();
    m_now = m_store.session().clock().nowUtc();
    loadRounds();
    m_round = m_rounds.isEmpty() ? RollCall() : m_rounds.last();
    if (incidentId > 0 && m_store.session().isOpen()) {
        if (auto all = m_store.rollCalls().items(incidentId)) {
            for (const RollCallItem &item : *all)
                noteReport(item);
        }
    }
    loadItems();
    endResetModel();
    emit roundsChanged();
}

void RollCallModel::setRound(qint64 rollCallId)
{
    beginResetModel();
    m_followLatest = rollCallId <= 0;
    m_round = RollCall();
    for (const RollCall &r : std::as_const(m_rounds)) {
        if (r.id == rollCallId)
            m_round = r;
    }
    if (m_followLatest || m_round.id == 0) {
        m_followLatest = true;
        m_round = m_rounds.isEmpty() ? RollCall() : m_rounds.last();
    }
    loadItems();
    endResetModel();
}

void RollCallModel::loadRounds()
{
    m_rounds.clear();
    if (m_incidentId <= 0 || !m_store.session().isOpen())
        return;
    if (auto rounds = m_store.rollCalls().rounds(m_incidentId))
        m_rounds = *rounds;
}

void RollCallModel::loadItems()
{
    m_items.clear();
    if (m_round.id <= 0 || !m_store.session().isOpen())
        return;
    if (auto items = m_store.rollCalls().roundItems(m_round.id))
        m_items = *items;
}

void RollCallModel::noteReport(const RollCallItem &item)
{
    if (item.state != RollCallItemState::Answered || !item.answeredAt.isValid())
        return;
    QDateTime &last = m_lastReport[reportKey(item.roleKey, item.personId)];
    if (!last.isValid() || last < item.answeredAt)
        last = item.answeredAt;
}

void RollCallModel::updateRound(qint64 rollCallId)
{
    auto fresh = m_store.rollCalls().round(rollCallId);
    if (!fresh)
        return;
    bool known = false;
    for (RollCall &r : m_rounds) {
        if (r.id == rollCallId) {
            r = *fresh;
            known = true;
        }
    }
    if (!known)
        m_rounds << *fresh;
    if (!known && m_followLatest) {
        // A new round: a different set of items.
        beginResetModel();
        m_round = *fresh;
        loadItems();
        endResetModel();
    } else if (m_round.id == rollCallId) {
        m_round = *fresh;
        if (!m_items.isEmpty())
            emit dataChanged(index(0, 0), index(int(m_items.size()) - 1, ColumnCount - 1));
    }
    emit roundsChanged();
}

void RollCallModel::updateItem(qint64 itemId)
{
    auto fresh = m_store.rollCalls().item(itemId);
    if (!fresh)
        return;
    const QString key = reportKey(fresh->roleKey, fresh->personId);
    const QDateTime before = m_lastReport.value(key);
    noteReport(*fresh);
    if (fresh->state != RollCallItemState::Answered && before.isValid()) {
        // Perhaps a taken-back answer: the last report is the latest one that remains.
        m_lastReport.remove(key);
        if (auto all = m_store.rollCalls().items(m_incidentId)) {
            for (const RollCallItem &item : *all) {
                if (reportKey(item.roleKey, item.personId) == key)
                    noteReport(item);
            }
        }
    }
    const int row = rowOf(itemId);
    if (row >= 0) {
        m_items[row] = *fresh;
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    } else if (fresh->rollCallId == m_round.id) {
        int position = 0;
        while (position < m_items.size() && m_items.at(position).position < fresh->position)
            ++position;
        beginInsertRows({}, position, position);
        m_items.insert(position, *fresh);
        endInsertRows();
    }
    if (m_lastReport.value(key) != before) {
        for (int r = 0; r < m_items.size(); ++r) {
            if (reportKey(m_items.at(r).roleKey, m_items.at(r).personId) == key)
                emit dataChanged(index(r, LastReportColumn), index(r, LastReportColumn));
        }
    }
}

void RollCallModel::refreshAges()
{
    m_now = m_store.session().clock().nowUtc();
    if (!m_items.isEmpty())
        emit dataChanged(index(0, LastReportColumn), index(int(m_items.size()) - 1, LastReportColumn));
}

int RollCallModel::rowOf(qint64 itemId) const
{
    for (int row = 0; row < m_items.size(); ++row) {
        if (m_items.at(row).id == itemId)
            return row;
    }
    return -1;
}

int RollCallModel::nextPendingRow(int from) const
{
    for (int row = qMax(0, from); row < m_items.size(); ++row) {
        if (m_items.at(row).state == RollCallItemState::Pending)
            return row;
    }
    return -1;
}

int RollCallModel::countInState(RollCallItemState state) const
{
    return int(
        std::count_if(m_items.cbegin(), m_items.cend(), [state](const RollCallItem &i) { return i.state == state; }));
}

int RollCallModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int RollCallModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RollCallModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RollCallItem &item = m_items.at(index.row());
    const bool answered = item.state == RollCallItemState::Answered;
    const QDateTime last = m_lastReport.value(reportKey(item.roleKey, item.personId));
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case RoleColumn:
            return item.roleTitle;
        case HolderColumn:
            return item.personName;
        case ConditionColumn:
            if (answered) {
                const QString text = item.report.conditionText;
                const QString label = RollCallVocabulary::conditionLabel(item.report.condition);
                return text.isEmpty() ? label : tr("%1 — %2").arg(label, text);
            }
            return item.state == RollCallItemState::Pending ? QString() : RollCallVocabulary::stateLabel(item.state);
        case ActionsColumn:
            return answered ? item.report.actions : QString();
        case NeedsColumn:
            return answered ? item.report.needs : QString();
        case StateColumn:
            if (item.isMissed())
                return tr("Missed");
            return RollCallVocabulary::stateLabel(item.state);
        case LastReportColumn:
            return last.isValid() ? RollCallVocabulary::agoText(last.msecsTo(m_now)) : tr("never");
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (answered)
            return tr("%1: %2").arg(item.label(), RollCallVocabulary::reportLine(item.report));
        return item.label();
    case ItemIdRole:
        return item.id;
    case StateKeyRole:
        return RollCallVocabulary::stateKey(item.state);
    case ConditionKeyRole:
        return answered ? RollCallVocabulary::conditionKey(item.report.condition) : QString();
    case MissedRole:
        return item.isMissed();
    case RoleKeyRole:
        return item.roleKey;
    case PersonIdRole:
        return item.personId;
    case AskedAtRole:
        return item.askedAt;
    case LastReportAtRole:
        return last;
    case LastReportAgeMsRole:
        return last.isValid() ? last.msecsTo(m_now) : qint64(-1);
    default:
        return {};
    }
}

QVariant RollCallModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case RoleColumn:
        return tr("Role");
    case HolderColumn:
        return tr("Holder");
    case ConditionColumn:
        return tr("Condition");
    case ActionsColumn:
        return tr("Actions");
    case NeedsColumn:
        return tr("Needs");
    case StateColumn:
        return tr("State");
    case LastReportColumn:
        return tr("Last report");
    default:
        return {};
    }
}

} // namespace cp
