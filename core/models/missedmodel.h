#pragma once

#include "domain/rollcall.h"

#include <QAbstractTableModel>

namespace cp {

class IncidentStore;

// The Deputy's missed list: every roll-call item not answered, across rounds, longest waiting
// first, until it is answered (in that round or a later one) or dismissed. Rows come and go as
// the store announces item changes; ages are read against the clock on refreshAges().
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
    };

    explicit MissedModel(IncidentStore &store, QObject *parent = nullptr);

    void setIncident(qint64 incidentId);
    qint64 incidentId() const { return m_incidentId; }
    void refreshAges();

    RollCallItem itemAt(int row) const { return m_items.at(row); }
    int rowOf(qint64 itemId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    static bool before(const RollCallItem &a, const RollCallItem &b);
    void updateItem(qint64 itemId);

    IncidentStore &m_store;
    qint64 m_incidentId = 0;
    QList<RollCallItem> m_items;
    QDateTime m_now;
};

} // namespace cp
