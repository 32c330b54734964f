#pragma once

#include "domain/business.h"

#include <QAbstractTableModel>
#include <QTimeZone>

namespace cp {

class IncidentStore;

// The Internal Liaison's checklist: every department of the directory, those that must be told
// for the incident's kind and severity first (with the reason), and whether, when, by whom and
// how each was told. A department told, a notice taken back, a directory change or a new
// severity updates just the rows that changed.
class StakeholderModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StakeholderModel)

public:
    enum Column
    {
        DepartmentColumn,
        WhyColumn,
        ToldColumn,
        ByColumn,
        MethodColumn,
        ColumnCount
    };
    enum Role
    {
        DepartmentKeyRole = Qt::UserRole + 1,
        RequiredRole, // bool: must be told for this kind and severity
        ToldRole,     // bool
        ToldAtRole,   // QDateTime UTC of the latest notice; null: not told
        NoticeIdRole, // qint64 of the latest notice; 0: none
        ContactRole,  // the department's primary contact
    };

    explicit StakeholderModel(IncidentStore &store, QObject *parent = nullptr);

    void setIncident(qint64 incidentId);
    qint64 incidentId() const { return m_incidentId; }
    void setTimeZone(const QTimeZone &zone) { m_zone = zone; }
    int rowOfDepartment(const QString &key) const;
    int requiredCount() const;
    int requiredToldCount() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        Department department;
        bool required = false;
        QString why;
        StakeholderNotice latest; // id 0: not told
        int times = 0;
        bool operator==(const Row &other) const;
    };

    QList<Row> read() const;
    void refresh();

    IncidentStore &m_store;
    qint64 m_incidentId = 0;
    QList<Row> m_rows;
    QTimeZone m_zone = QTimeZone::systemTimeZone();
};

} // namespace cp
