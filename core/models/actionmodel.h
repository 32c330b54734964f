#pragma once

#include "domain/incidentaction.h"

#include <QAbstractTableModel>
#include <QTimeZone>

namespace cp {

class IncidentStore;

// The incident's actions, open ones first (each group in the order they were added). An action
// change from the store updates, inserts or moves just that row.
class ActionModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ActionModel)

public:
    enum Column
    {
        IdColumn,
        TextColumn,
        OwnerColumn,
        StatusColumn,
        FollowUpColumn,
        ColumnCount
    };
    enum Role
    {
        ActionIdRole = Qt::UserRole + 1,
        StatusKeyRole, // "proposed", "assigned", "in-progress", "done", "cancelled"
        OpenRole,      // bool
        FollowUpRole,  // bool
        TimerIdRole,   // qint64; 0: no time-box
        OriginItemIdRole,
    };

    explicit ActionModel(IncidentStore &store, QObject *parent = nullptr);

    void setIncident(qint64 incidentId);
    qint64 incidentId() const { return m_incidentId; }

    IncidentAction actionAt(int row) const { return m_actions.at(row); }
    int rowOf(qint64 actionId) const;
    int openCount() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    static bool before(const IncidentAction &a, const IncidentAction &b);
    void updateAction(qint64 actionId);

    IncidentStore &m_store;
    qint64 m_incidentId = 0;
    QList<IncidentAction> m_actions;
};

// The incident's decisions, oldest first; a new one is appended.
class DecisionModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DecisionModel)

public:
    enum Column
    {
        TimeColumn,
        ProposalColumn,
        ObjectionsColumn,
        OutcomeColumn,
        DecidedByColumn,
        ColumnCount
    };
    enum Role
    {
        DecisionIdRole = Qt::UserRole + 1,
        OutcomeKeyRole,   // "adopted", "rejected", "deferred"
        ObjectionKeyRole, // "not-asked", "none-raised", "raised"
        DecidedAtRole,    // QDateTime UTC
    };

    explicit DecisionModel(IncidentStore &store, QObject *parent = nullptr);

    void setIncident(qint64 incidentId);
    qint64 incidentId() const { return m_incidentId; }
    void setTimeZone(const QTimeZone &zone) { m_zone = zone; }
    Decision decisionAt(int row) const { return m_decisions.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void updateDecision(qint64 decisionId);

    IncidentStore &m_store;
    qint64 m_incidentId = 0;
    QList<Decision> m_decisions;
    QTimeZone m_zone = QTimeZone::systemTimeZone();
};

} // namespace cp
