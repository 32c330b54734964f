#pragma once

#include "domain/roster.h"

#include <QAbstractTableModel>

namespace cp {

class IncidentStore;

// The roster, by name. Rows can be dragged (a person id list in PersonMimeType) onto a role.
class PeopleModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PeopleModel)

public:
    static inline const QString PersonMimeType = QStringLiteral("application/x-commandpost-person-ids");

    enum Column { NameColumn, HandleColumn, TeamColumn, TrainedColumn, ColumnCount };
    enum Role {
        PersonIdRole = Qt::UserRole + 1,
        HandleRole,
        DepartmentRole,
        TrainedRolesRole, // QStringList of role keys
        TraineeRole,      // bool
        ContactRole,
        SearchTextRole,   // name, handle, team, department and roles: what a filter matches
    };

    explicit PeopleModel(IncidentStore &store, QObject *parent = nullptr);

    void reload();
    Person personAt(int row) const { return m_rows.at(row); }
    int rowOfPerson(qint64 personId) const;

    static QList<qint64> personIdsFromMime(const QMimeData *data);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    Qt::DropActions supportedDragActions() const override { return Qt::CopyAction | Qt::LinkAction; }

private:
    void onPersonChanged(qint64 personId);

    IncidentStore &m_store;
    QList<Person> m_rows;
};

} // namespace cp
