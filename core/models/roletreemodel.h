#pragma once

#include "domain/incidentrole.h"

#include <QAbstractItemModel>

#include <memory>
#include <vector>

namespace cp {

class IncidentStore;

// The incident's role hierarchy as a tree: the command role at the top, every other role
// under its parent. Store change signals update just the role that changed (and its parent,
// whose span of control may have moved); roles are only ever added, never removed.
class RoleTreeModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RoleTreeModel)

public:
    enum Column { RoleColumn, HoldersColumn, GroupColumn, ColumnCount };
    enum Role {
        RoleIdRole = Qt::UserRole + 1,
        RoleKeyRole,
        ShortNameRole,
        RequiredRole,       // bool
        VacantRequiredRole, // bool: a gap to fill
        MultipleHoldersRole,
        StaffRole,          // bool: drawn beside its parent
        HolderNamesRole,    // QStringList
        HolderIdsRole,      // QVariantList of person ids
        SubTeamRole,
        DirectReportsRole,  // int
        OverSpanRole,       // bool: more direct reports than the span of control allows
        DescriptionRole,
        ResponsibilitiesRole, // QStringList (the template's checklist)
    };

    explicit RoleTreeModel(IncidentStore &store, QObject *parent = nullptr);
    ~RoleTreeModel() override;

    void setIncident(qint64 incidentId);
    qint64 incidentId() const { return m_incidentId; }
    QList<IncidentRole> roles() const; // hierarchy order
    QModelIndex indexOfRole(const QString &roleKey, int column = 0) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QStringList mimeTypes() const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    // Dropping a person (PeopleModel's drag) on a role assigns them through the store.
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;
    void setActingAuthor(const QString &author) { m_author = author; }

signals:
    void assignmentFailed(const QString &message);

private:
    struct Node;
    Node *nodeFor(const QModelIndex &index) const;
    Node *findNode(qint64 roleId) const;
    Node *findNodeByKey(const QString &key) const;
    QModelIndex indexFor(const Node *node, int column = 0) const;
    void reload();
    void onRoleChanged(qint64 incidentId, qint64 roleId);
    void announce(Node *node);
    int directReports(const Node *node) const;

    IncidentStore &m_store;
    qint64 m_incidentId = 0;
    std::unique_ptr<Node> m_root;
    QString m_author;
};

} // namespace cp
