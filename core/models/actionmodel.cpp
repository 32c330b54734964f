#include "actionmodel.h"

#include "db/incidentstore.h"

#include <algorithm>

namespace cp {

ActionModel::ActionModel(IncidentStore &store, QObject *parent) : QAbstractTableModel(parent), m_store(store)
{
    connect(&m_store.rollCalls(), &RollCallRepository::actionChanged, this, [this](qint64 incidentId, qint64 actionId) {
        if (incidentId == m_incidentId)
            updateAction(actionId);
    });
}

bool ActionModel::before(const IncidentAction &a, const IncidentAction &b)
{
    if (a.isOpen() != b.isOpen())
        return a.isOpen();
    return a.id < b.id;
}

void ActionModel::setIncident(qint64 incidentId)
{
    beginResetModel();
    m_incidentId = incidentId;
    m_actions.clear();
    if (incidentId > 0 && m_store.session().isOpen()) {
        if (auto all = m_store.rollCalls().actions(incidentId))
            m_actions = *all;
    }
    endResetModel();
}

void ActionModel::updateAction(qint64 actionId)
{
    auto fresh = m_store.rollCalls().action(actionId);
    if (!fresh || fresh->incidentId != m_incidentId)
        return;
    const int row = rowOf(actionId);
    if (row >= 0) {
        m_actions[row] = *fresh;
        // Its place may change (closed ones go below the open ones).
        QList<IncidentAction> others = m_actions;
        others.removeAt(row);
        const int wanted =
            int(std::lower_bound(others.cbegin(), others.cend(), *fresh, &ActionModel::before) - others.cbegin());
        if (wanted != row) {
            beginMoveRows({}, row, row, {}, wanted > row ? wanted + 1 : wanted);
            m_actions.move(row, wanted);
            endMoveRows();
        }
        const int now = rowOf(actionId);
        emit dataChanged(index(now, 0), index(now, ColumnCount - 1));
        return;
    }
    const int position =
        int(std::lower_bound(m_actions.cbegin(), m_actions.cend(), *fresh, &ActionModel::before) - m_actions.cbegin());
    beginInsertRows({}, position, position);
    m_actions.insert(position, *fresh);
    endInsertRows();
}

int ActionModel::rowOf(qint64 actionId) const
{
    for (int row = 0; row < m_actions.size(); ++row) {
        if (m_actions.at(row).id == actionId)
            return row;
    }
    return -1;
}

int ActionModel::openCount() const
{
    return int(std::count_if(m_actions.cbegin(), m_actions.cend(), [](const IncidentAction &a) { return a.isOpen(); }));
}

int ActionModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_actions.size());
}

int ActionModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ActionModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const IncidentAction &a = m_actions.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case IdColumn:
            return QStringLiteral("#%1").arg(a.id);
        case TextColumn:
            return a.text;
        case OwnerColumn:
            return a.ownerName;
        case StatusColumn:
            return ActionVocabulary::statusLabel(a.status);
        case FollowUpColumn:
            return a.followUp ? tr("Follow-up") : QString();
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (a.originItemId > 0)
            return tr("From a CAN report's Needs (roll-call item #%1)").arg(a.originItemId);
        return {};
    case ActionIdRole:
        return a.id;
    case StatusKeyRole:
        return ActionVocabulary::statusKey(a.status);
    case OpenRole:
        return a.isOpen();
    case FollowUpRole:
        return a.followUp;
    case TimerIdRole:
        return a.timerId;
    case OriginItemIdRole:
        return a.originItemId;
    default:
        return {};
    }
}

QVariant ActionModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case IdColumn:
        return tr("#");
    case TextColumn:
        return tr("Action");
    case OwnerColumn:
        return tr("Owner");
    case StatusColumn:
        return tr("Status");
    case FollowUpColumn:
        return tr("Postmortem");
    default:
        return {};
    }
}

DecisionModel::DecisionModel(IncidentStore &store, QObject *parent) : QAbstractTableModel(parent), m_store(store)
{
    connect(&m_store.rollCalls(), &RollCallRepository::decisionChanged, this,
            [this](qint64 incidentId, qint64 decisionId) {
                if (incidentId == m_incidentId)
                    updateDecision(decisionId);
            });
}

void DecisionModel::setIncident(qint64 incidentId)
{
    beginResetModel();
    m_incidentId = incidentId;
    m_decisions.clear();
    if (incidentId > 0 && m_store.session().isOpen()) {
        if (auto all = m_store.rollCalls().decisions(incidentId))
            m_decisions = *all;
    }
    endResetModel();
}

void DecisionModel::updateDecision(qint64 decisionId)
{
    auto fresh = m_store.rollCalls().decision(decisionId);
    if (!fresh || fresh->incidentId != m_incidentId)
        return;
    for (int row = 0; row < m_decisions.size(); ++row) {
        if (m_decisions.at(row).id == decisionId) {
            m_decisions[row] = *fresh;
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
            return;
        }
    }
    const int row = int(m_decisions.size());
    beginInsertRows({}, row, row);
    m_decisions.append(*fresh);
    endInsertRows();
}

int DecisionModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_decisions.size());
}

int DecisionModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DecisionModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Decision &d = m_decisions.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return d.decidedAt.toTimeZone(m_zone).toString(QStringLiteral("HH:mm"));
        case ProposalColumn:
            return d.proposal;
        case ObjectionsColumn:
            return d.objectionCheck == ObjectionCheck::Raised ? d.objections
                                                              : ActionVocabulary::objectionLabel(d.objectionCheck);
        case OutcomeColumn:
            return ActionVocabulary::outcomeLabel(d.outcome);
        case DecidedByColumn:
            return d.decidedBy;
        default:
            return {};
        }
    case DecisionIdRole:
        return d.id;
    case OutcomeKeyRole:
        return ActionVocabulary::outcomeKey(d.outcome);
    case ObjectionKeyRole:
        return ActionVocabulary::objectionKey(d.objectionCheck);
    case DecidedAtRole:
        return d.decidedAt;
    default:
        return {};
    }
}

QVariant DecisionModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case ProposalColumn:
        return tr("Decision");
    case ObjectionsColumn:
        return tr("Objections");
    case OutcomeColumn:
        return tr("Outcome");
    case DecidedByColumn:
        return tr("Decided by");
    default:
        return {};
    }
}

} // namespace cp
