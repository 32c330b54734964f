#pragma once

#include "domain/business.h"

#include <QAbstractTableModel>
#include <QTimeZone>

namespace cp {

class IncidentStore;

// The audience × phase grid of a business incident: one row per audience, one column per phase
// of the technical incident (investigation, identification, monitoring, resolution) and a last
// column with the next update due to that audience. A cell is "upcoming", "due" (the current
// phase, nothing drafted), "missed" (an earlier phase left without a message, or any
// phase without one once the incident is resolved), "drafted" (in
// review), "changes" (a revised draft is due), "approved" (by the ELT Approver, waiting for the
// IC or for sending), "sent" or "skipped". The current phase follows the incident's status, so
// the grid moves on when the status changes.
class AudiencePhaseModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AudiencePhaseModel)

public:
    enum Column
    {
        InvestigationColumn,
        IdentificationColumn,
        MonitoringColumn,
        ResolutionColumn,
        NextUpdateColumn,
        ColumnCount
    };
    enum Role
    {
        CellStateRole = Qt::UserRole + 1, // the state key above; next-update column: "due", "overdue", ""
        MessageIdRole,                    // qint64; 0: none
        AudienceKeyRole,
        PhaseKeyRole,     // empty in the next-update column
        CurrentPhaseRole, // bool: the column of the incident's current phase
        NextDueRole,      // QDateTime UTC (next-update column)
        OverdueRole,      // bool (next-update column)
    };

    explicit AudiencePhaseModel(IncidentStore &store, QObject *parent = nullptr);

    void setIncident(qint64 incidentId);
    qint64 incidentId() const { return m_incidentId; }
    void setTimeZone(const QTimeZone &zone) { m_zone = zone; }
    // Reads the clock again (the next-update column's overdue flag); call on every tick.
    void refreshNow();

    QString currentPhase() const { return m_currentPhase; }
    QStringList audiences() const { return m_audiences; }
    QString cellState(const QString &audience, const QString &phase) const;
    static QString stateLabel(const QString &stateKey);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Cell
    {
        QString state;
        qint64 messageId = 0;
        QString tip;
    };
    struct Snapshot
    {
        QStringList audiences;
        QString currentPhase;
        QList<QList<Cell>> cells;  // [audience][phase]
        QList<QDateTime> nextDue;  // per audience; null: none due
        bool operator==(const Snapshot &other) const;
    };

    Snapshot read() const;
    void refresh();

    IncidentStore &m_store;
    qint64 m_incidentId = 0;
    QStringList m_audiences;
    QString m_currentPhase;
    QList<QList<Cell>> m_cells;
    QList<QDateTime> m_nextDue;
    QDateTime m_now;
    QTimeZone m_zone = QTimeZone::systemTimeZone();
};

} // namespace cp
