#pragma once

#include <QTreeView>

namespace cp {

class RoleTreeModel;

// The shadow view's role chart, read from across the room: the roles that are staffed (and the
// required ones left vacant, in red) as an indented tree in the view's large type — who holds
// what, the hierarchy by indentation. A chart of cards zoomed to fit a side panel shrinks its
// text below what reads from 2 m; this keeps the type and lets the shape go.
class StaffedRoleList final : public QTreeView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StaffedRoleList)

public:
    explicit StaffedRoleList(RoleTreeModel &roles, QWidget *parent = nullptr);

    // The role's row, by key (invalid when the role is neither staffed nor a vacant required one).
    QModelIndex indexOfRole(const QString &roleKey) const;
};

} // namespace cp
