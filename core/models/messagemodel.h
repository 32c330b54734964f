#pragma once

#include "domain/business.h"

#include <QAbstractTableModel>
#include <QTimeZone>

namespace cp {

class IncidentStore;

// Every message of one business incident, oldest first, with the step of the approval chain it
// waits for — the state at a glance: "Legal review · Legal Officer", "Changes requested",
// "Sent". A message change from the store updates (or appends) just that row.
class MessageModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessageModel)

public:
    enum Column
    {
        IdColumn,
        AudienceColumn,
        PhaseColumn,
        ChannelColumn,
        StepColumn,
        WhoColumn,
        VersionColumn,
        UpdatedColumn,
        ColumnCount
    };
    enum Role
    {
        MessageIdRole = Qt::UserRole + 1,
        StepRole,       // MessageStep as int: the step it waits for
        StepKeyRole,    // "legal-review" …, "changes" when a revised draft is due, "sent"
        ProgressRole,   // int 0…6: steps of the chain done for the current version
        AudienceKeyRole,
        PhaseKeyRole,
        TextRole, // the current text
    };

    explicit MessageModel(IncidentStore &store, QObject *parent = nullptr);

    void setIncident(qint64 incidentId);
    qint64 incidentId() const { return m_incidentId; }
    void setTimeZone(const QTimeZone &zone) { m_zone = zone; }
    Message messageAt(int row) const { return m_rows.at(row); }
    int rowOf(qint64 messageId) const;

    // "Legal review", "Changes requested", "Sent": what a message waits for, in words.
    static QString stateText(const Message &message);
    static QString stateKey(const Message &message);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void updateMessage(qint64 messageId);

    IncidentStore &m_store;
    qint64 m_incidentId = 0;
    QList<Message> m_rows;
    QTimeZone m_zone = QTimeZone::systemTimeZone();
};

} // namespace cp
