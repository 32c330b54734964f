#pragma once

#include "domain/incident.h"

#include <QAbstractTableModel>
#include <QTimeZone>

namespace cp {

class IncidentStore;

// Every incident in the database, open ones first and newest first: the incident switcher.
class IncidentListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IncidentListModel)

public:
    enum Column { IdColumn, SeverityColumn, StatusColumn, TitleColumn, DeclaredColumn, ColumnCount };
    enum Role {
        IncidentIdRole = Qt::UserRole + 1,
        SeverityRole, // int 1…5
        StatusRole,   // int(IncidentStatus)
        KindRole,     // int(IncidentKind)
        DeclaredAtRole,
        ResolvedRole, // bool
        SearchTextRole, // "#12 SEV-1 investigating title": what a quick switcher filters on
    };

    explicit IncidentListModel(IncidentStore &store, QObject *parent = nullptr);

    void reload();
    Incident incidentAt(int row) const { return m_rows.at(row); }
    int rowOfIncident(qint64 incidentId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void onIncidentAdded(qint64 incidentId);
    void onIncidentChanged(qint64 incidentId);
    int placeFor(const Incident &incident) const;

    IncidentStore &m_store;
    QList<Incident> m_rows;
    QTimeZone m_zone = QTimeZone::systemTimeZone();
};

} // namespace cp
