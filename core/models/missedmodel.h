#pragma once

#include "domain/rollcall.h"

#include <QAbstractTableModel>

namespace cp {

class IncidentStore;

// The Deputy's missed list: who did not answer the roll call, one row per role and person however
// many rounds they missed (with the count and the rounds), longest waiting first, until the misses
// are answered (in that round or a later one) or dismissed. Rows come and go as the store
// announces item changes; ages are read against the clock on refreshAges().
class MissedModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MissedModel)

public:
    enum Column
    {
        WhoColumn,
        RoundColumn,
        AskedColumn,
        ColumnCount
    };
    enum Role
    {
        ItemIdRole = Qt::UserRole + 1,
        AskedAtRole, // QDateTime UTC
        AgeMsRole,   // qint64: how long ago it was asked
        RoundNumberRole,
        RoleKeyRole,
        PersonIdRole,
        MissCountRole, // int: how many rounds this role and person missed
    };

    explicit MissedModel(IncidentStore &store, QObject *parent = nullptr);

    void setIncident(qint64 incidentId);
    qint64 incidentId() const { return m_incidentId; }
    void refreshAges();

    // The row's latest miss (what a late answer answers).
    RollCallItem itemAt(int row) const { return m_rows.at(row).constLast(); }
    QList<RollCallItem> itemsAt(int row) const { return m_rows.at(row); } // oldest first
    int rowOf(qint64 itemId) const;                                       // the row holding that item; -1: none

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    using Misses = QList<RollCallItem>; // one role and person, oldest first
    static bool before(const RollCallItem &a, const RollCallItem &b);
    static bool rowBefore(const Misses &a, const Misses &b) { return before(a.constFirst(), b.constFirst()); }
    static bool samePerson(const RollCallItem &a, const RollCallItem &b);
    int rowOfPerson(const RollCallItem &item) const;
    void updateItem(qint64 itemId);

    IncidentStore &m_store;
    qint64 m_incidentId = 0;
    QList<Misses> m_rows;
    QDateTime m_now;
};

} // namespace cp
