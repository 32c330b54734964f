#pragma once

#include "db/outbox.h"
#include "timelinemodel.h"

#include <QAbstractTableModel>
#include <QTimeZone>

namespace cp {

// One incident's entries waiting in the team outbox (written while the server could not be
// reached), oldest first: shown apart from the saved timeline, as "pending — not on the server
// yet", or with the server's reason when it refused one. Rows come and go one by one as the
// outbox changes (an entry kept, an entry sent).
class PendingEntryModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PendingEntryModel)

public:
    // The timeline's columns (TimelineModel::Column, with its titles), then the entry's state.
    enum Column
    {
        StateColumn = TimelineModel::ColumnCount,
        ColumnCount
    };
    enum Role
    {
        ClientIdRole = Qt::UserRole + 1,
        RefusedRole, // bool: the server refused it (its rules); it stays here, unsent
    };

    explicit PendingEntryModel(const Outbox &outbox, QObject *parent = nullptr);

    void setIncident(qint64 incidentId);
    void setTimeZone(const QTimeZone &zone) { m_zone = zone; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void refresh();

    const Outbox &m_outbox;
    qint64 m_incidentId = 0;
    QList<PendingEntry> m_rows;
    QTimeZone m_zone = QTimeZone::systemTimeZone();
};

} // namespace cp
