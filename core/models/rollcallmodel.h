#pragma once

#include "domain/rollcall.h"

#include <QAbstractTableModel>
#include <QHash>

namespace cp {

class IncidentStore;

// One round of the roll call: its items in call order (roles × C/A/N), with each item's state and
// the age of that role's (and holder's) last report in any round. Shows the latest round and
// follows new ones unless a past round was chosen (the history). An item change from the store
// updates just that row; ages are read against the clock on refreshAges() (each tick).
class RollCallModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RollCallModel)

public:
    enum Column
    {
        RoleColumn,
        HolderColumn,
        ConditionColumn,
        ActionsColumn,
        NeedsColumn,
        StateColumn,
        LastReportColumn,
        ColumnCount
    };
    enum Role
    {
        ItemIdRole = Qt::UserRole + 1,
        StateKeyRole,        // "pending", "answered", "no-answer", "skipped"
        ConditionKeyRole,    // "healthy" … for an answered item; "" otherwise
        MissedRole,          // bool: on the Deputy's missed list
        RoleKeyRole,         // QString
        PersonIdRole,        // qint64; 0: nobody
        AskedAtRole,         // QDateTime UTC; null while pending
        LastReportAtRole,    // QDateTime UTC of the last answer of this role and holder; null: never
        LastReportAgeMsRole, // qint64; -1: never reported
    };

    explicit RollCallModel(IncidentStore &store, QObject *parent = nullptr);

    void setIncident(qint64 incidentId);
    qint64 incidentId() const { return m_incidentId; }
    // 0: the latest round, following new ones as they start.
    void setRound(qint64 rollCallId);
    qint64 roundId() const { return m_round.id; }
    RollCall round() const { return m_round; }
    bool followsLatest() const { return m_followLatest; }
    QList<RollCall> rounds() const { return m_rounds; } // oldest first
    void refreshAges();

    RollCallItem itemAt(int row) const { return m_items.at(row); }
    int rowOf(qint64 itemId) const; // -1: not in the shown round
    // The first row at or after 'from' still waiting to be called; -1: none.
    int nextPendingRow(int from = 0) const;
    int countInState(RollCallItemState state) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void roundsChanged(); // a round started or closed; the shown one may have changed

private:
    static QString reportKey(const QString &roleKey, qint64 personId);
    void loadRounds();
    void loadItems();
    void noteReport(const RollCallItem &item);
    void updateItem(qint64 itemId);
    void updateRound(qint64 rollCallId);

    IncidentStore &m_store;
    qint64 m_incidentId = 0;
    bool m_followLatest = true;
    RollCall m_round;
    QList<RollCall> m_rounds;
    QList<RollCallItem> m_items;
    QHash<QString, QDateTime> m_lastReport; // role key + person → last answer
    QDateTime m_now;
};

} // namespace cp
