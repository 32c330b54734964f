#include "staffedrolelist.h"

#include "models/roletreemodel.h"
#include "widgets/kindstyle.h"

#include <QHeaderView>
#include <QSortFilterProxyModel>

namespace cp {

namespace {

// The roles held by someone or required and vacant, with the leads above them.
class StaffedRolesProxy final : public QSortFilterProxyModel
{
public:
    explicit StaffedRolesProxy(QObject *parent) : QSortFilterProxyModel(parent) { setRecursiveFilteringEnabled(true); }

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (role == Qt::ForegroundRole && index.data(RoleTreeModel::VacantRequiredRole).toBool())
            return KindStyle::errorColor(); // a gap that matters
        if (role == Qt::FontRole && index.data(RoleTreeModel::VacantRequiredRole).toBool()) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        if (index.column() == RoleTreeModel::RoleColumn && (role == Qt::DisplayRole || role == Qt::ToolTipRole)) {
            // "IC", "SME": the short name leaves the width to the holders; the title is its tip.
            const QString title = QSortFilterProxyModel::data(index, Qt::DisplayRole).toString();
            const QString shortName = index.data(RoleTreeModel::ShortNameRole).toString();
            if (role == Qt::ToolTipRole)
                return title;
            return shortName.isEmpty() ? title : shortName;
        }
        return QSortFilterProxyModel::data(index, role);
    }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override
    {
        const QModelIndex role = sourceModel()->index(sourceRow, RoleTreeModel::RoleColumn, sourceParent);
        return !role.data(RoleTreeModel::HolderNamesRole).toStringList().isEmpty() ||
               role.data(RoleTreeModel::VacantRequiredRole).toBool();
    }
};

} // namespace

StaffedRoleList::StaffedRoleList(RoleTreeModel &roles, QWidget *parent) : QTreeView(parent)
{
    auto *staffed = new StaffedRolesProxy(this);
    staffed->setSourceModel(&roles);
    setModel(staffed);
    setHeaderHidden(true);
    setColumnHidden(RoleTreeModel::GroupColumn, true);
    setRootIsDecorated(false);
    setItemsExpandable(false);
    setStyleSheet(QStringLiteral("QTreeView::branch { image: none; }")); // no expander: all is shown
    setUniformRowHeights(true);
    setSelectionMode(QAbstractItemView::NoSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setFocusPolicy(Qt::NoFocus);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setTextElideMode(Qt::ElideRight);
    header()->setStretchLastSection(true);
    header()->setSectionResizeMode(RoleTreeModel::RoleColumn, QHeaderView::ResizeToContents);
    // Every row in view, however the roles change.
    connect(staffed, &QAbstractItemModel::modelReset, this, &QTreeView::expandAll);
    connect(staffed, &QAbstractItemModel::rowsInserted, this, &QTreeView::expandAll);
    connect(staffed, &QAbstractItemModel::layoutChanged, this, &QTreeView::expandAll);
    expandAll();
}

QModelIndex StaffedRoleList::indexOfRole(const QString &roleKey) const
{
    const auto *staffed = static_cast<const QSortFilterProxyModel *>(model());
    const auto *roles = static_cast<const RoleTreeModel *>(staffed->sourceModel());
    return staffed->mapFromSource(roles->indexOfRole(roleKey));
}

} // namespace cp
